import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled):not([type="hidden"]), textarea:not(:disabled), select:not(:disabled), [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  width?: number;
}

/** A centred dialog over a dimmed window. Escape and the close button dismiss it; focus starts inside. */
export function Modal({ title, onClose, children, footer, testId, width = 520 }: ModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  // Read during the first render, before anything inside the dialog takes focus.
  const [previousFocus] = useState(() => document.activeElement);

  useEffect(() => {
    const el = panel.current;
    if (el && !el.contains(document.activeElement)) {
      const first = el.querySelector<HTMLElement>('[autofocus], textarea, input, select, button.primary, button');
      (first ?? el).focus();
    }
    return () => {
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) previousFocus.focus();
    };
  }, [previousFocus]);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div
        ref={panel}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        tabIndex={-1}
        style={{ width }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab' && panel.current) {
            // Keep Tab inside the dialog: the window behind it is inert while it is open.
            const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (!first || !last) return;
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      >
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer ? <footer className="modal-footer">{footer}</footer> : null}
      </div>
    </div>
  );
}
