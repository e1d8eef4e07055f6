import type { ReactNode } from 'react';

export interface Segment<T extends string> {
  value: T;
  label: ReactNode;
  title?: string;
  testId?: string;
}

interface SegmentedControlProps<T extends string> {
  label: string;
  value: T;
  segments: readonly Segment<T>[];
  onChange(value: T): void;
  testId?: string;
  small?: boolean;
}

export function SegmentedControl<T extends string>({ label, value, segments, onChange, testId, small }: SegmentedControlProps<T>) {
  return (
    <div className={small ? 'segmented small' : 'segmented'} role="radiogroup" aria-label={label} data-testid={testId}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          role="radio"
          aria-checked={s.value === value}
          title={s.title}
          data-testid={s.testId}
          className={s.value === value ? 'active' : undefined}
          onClick={() => onChange(s.value)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
