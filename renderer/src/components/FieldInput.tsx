import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isLongText } from './long-text.ts';
import { LongText } from './LongText.tsx';

interface FieldInputProps {
  value: string;
  /** Called on blur or Enter when the text changed. */
  onCommit(value: string): void;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  label: string;
  id?: string;
  rows?: number;
  className?: string;
}

/**
 * A text field that edits in place: it keeps its own draft while focused, so a
 * library update arriving mid-typing does not overwrite it; Escape reverts.
 */
export function FieldInput({ value, onCommit, multiline = false, placeholder, testId, label, id, rows = 4, className }: FieldInputProps) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const skipCommit = useRef(false);

  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);

  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      skipCommit.current = true;
      setDraft(value);
      e.currentTarget.blur();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };
  const common = {
    id,
    className: className ? `field-input ${className}` : 'field-input',
    value: draft,
    placeholder,
    'aria-label': label,
    'data-testid': testId,
    // Spell-checking a long text stalls the page.
    spellCheck: multiline && draft.length < 10_000,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      if (skipCommit.current) skipCommit.current = false;
      else commit();
    },
    onKeyDown,
  };
  if (isLongText(value)) return <LongText text={value} testId={testId} label={label} />;
  return multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />;
}
