import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** Accessible name, e.g. "Resize sidebar". */
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (a left pane), -1 when it shrinks it (a right pane). */
  direction: 1 | -1;
  onChange(width: number): void;
  testId?: string;
}

const KEY_STEP = 16;

/** A vertical divider between panes: drag with the pointer or move with the arrow keys. */
export function Splitter({ label, value, min, max, direction, onChange, testId }: SplitterProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const clamp = (w: number) => Math.max(min, Math.min(max, w));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: value };
    document.body.classList.add('is-resizing');
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    onChange(clamp(d.startWidth + (event.clientX - d.startX) * direction));
  };
  const end = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
    document.body.classList.remove('is-resizing');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? KEY_STEP : event.key === 'ArrowLeft' ? -KEY_STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    onChange(clamp(value + step * direction));
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  );
}
