import type { Ref } from 'react';

interface PasteAreaProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onSubmit(): void;
  label: string;
  placeholder: string;
  testId: string;
  className?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A monospace text area for pasted references or identifiers; Ctrl/Cmd+Enter submits. */
export function PasteArea({ value, onChange, onSubmit, label, placeholder, testId, className, ref }: PasteAreaProps) {
  return (
    <textarea
      ref={ref}
      className={`paste-area mono${className ? ` ${className}` : ''}`}
      autoFocus
      spellCheck={false}
      aria-label={label}
      data-testid={testId}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSubmit();
        }
      }}
    />
  );
}
