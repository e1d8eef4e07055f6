import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon.tsx';
import type { FindState } from './pdf-session.ts';

interface FindBarProps {
  find: FindState;
  focusRequest: number;
  onQuery(query: string): void;
  onNext(previous: boolean): void;
  onClose(): void;
}

/** Find in the document: every match highlighted, Enter / Shift+Enter for next / previous, the count. */
export function FindBar({ find, focusRequest, onQuery, onNext, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  const count = find.query === '' ? '' : find.total === 0 ? (find.status === 'pending' ? '…' : 'No matches') : `${find.current} of ${find.total}`;
  return (
    <div className="reader-find" role="search" data-testid="reader-find">
      <Icon name="search" />
      <input
        ref={input}
        data-testid="reader-find-input"
        aria-label="Find in document"
        placeholder="Find in document"
        value={find.query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onNext(e.shiftKey);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span className="reader-find-count muted" data-testid="reader-find-count" aria-live="polite">{count}</span>
      <button type="button" className="icon-button small" aria-label="Previous match" data-testid="reader-find-prev" onClick={() => onNext(true)}>
        <Icon name="chevronDown" className="flip" />
      </button>
      <button type="button" className="icon-button small" aria-label="Next match" data-testid="reader-find-next" onClick={() => onNext(false)}>
        <Icon name="chevronDown" />
      </button>
      <button type="button" className="icon-button small" aria-label="Close find" data-testid="reader-find-close" onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  );
}
