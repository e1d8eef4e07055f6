import { useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { Icon } from '../../components/Icon.tsx';
import type { NameLine } from './csl-fields.ts';

interface NameListEditorProps {
  lines: NameLine[];
  onChange(lines: NameLine[]): void;
  /** Called when focus leaves the whole list, or on Enter: the moment to save. */
  onCommit?: () => void;
  /** Test id prefix: `<prefix>` on the list, `<prefix>-family-<i>`, `<prefix>-given-<i>` on inputs. */
  testId: string;
  role?: string;
}

const emptyLine = (): NameLine => ({ family: '', given: '', literal: false, rest: {} });

/** Authors as a structured list: one line per person (family, given), never one string. */
export function NameListEditor({ lines, onChange, onCommit, testId, role = 'author' }: NameListEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const update = (i: number, patch: Partial<NameLine>) => onChange(lines.map((l, n) => (n === i ? { ...l, ...patch } : l)));
  const remove = (i: number) => {
    onChange(lines.filter((_, n) => n !== i));
    // Removing is a complete edit on its own.
    queueMicrotask(() => onCommit?.());
  };
  const add = () => {
    onChange([...lines, emptyLine()]);
    requestAnimationFrame(() => {
      const inputs = container.current?.querySelectorAll<HTMLInputElement>('input.name-family');
      inputs?.[inputs.length - 1]?.focus();
    });
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!container.current?.contains(e.relatedTarget as Node | null)) onCommit?.();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onCommit?.();
    }
  };

  return (
    <div ref={container} className="name-list" data-testid={testId} onBlur={onBlur}>
      {lines.map((line, i) => (
        <div className="name-line" key={i}>
          <input
            className="field-input name-family"
            aria-label={`${role} ${i + 1} ${line.literal ? 'name' : 'family name'}`}
            placeholder={line.literal ? 'Name' : 'Family'}
            data-testid={`${testId}-family-${i}`}
            value={line.family}
            onChange={(e) => update(i, { family: e.target.value })}
            onKeyDown={onKeyDown}
          />
          {line.literal ? (
            <span className="name-literal muted" title="An institution or single-field name">institution</span>
          ) : (
            <input
              className="field-input name-given"
              aria-label={`${role} ${i + 1} given name`}
              placeholder="Given"
              data-testid={`${testId}-given-${i}`}
              value={line.given}
              onChange={(e) => update(i, { given: e.target.value })}
              onKeyDown={onKeyDown}
            />
          )}
          <button type="button" className="icon-button small" aria-label={`Remove ${role} ${i + 1}`} data-testid={`${testId}-remove-${i}`} onClick={() => remove(i)}>
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
      <button type="button" className="link-button add-name" data-testid={`${testId}-add`} onClick={add}>
        <Icon name="plus" size={12} /> Add {role}
      </button>
    </div>
  );
}
