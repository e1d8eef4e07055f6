import { useEffect, useRef, useState } from 'react';

interface RenameInputProps {
  initial: string;
  onDone(name: string | null): void;
  label?: string;
  testId?: string;
}

/** Inline rename: Enter or blur saves, Escape cancels. */
export function RenameInput({ initial, onDone, label = 'Collection name', testId = 'collection-rename-input' }: RenameInputProps) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  return (
    <input
      ref={ref}
      className="rename-input"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}
