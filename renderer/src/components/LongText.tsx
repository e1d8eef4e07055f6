import { useState } from 'react';
import { CLIPPED_CHARS, charCount, textPages } from './long-text.ts';

/**
 * A text too long to edit in the window: its beginning, then "Show all",
 * which shows it a page at a time so the window never lays out megabytes at once.
 */
export function LongText({ text, testId, label }: { text: string; testId?: string; label: string }) {
  const [pages, setPages] = useState(0);
  const shown = textPages(text, pages);
  const shownChars = shown.reduce((n, p) => n + p.length, 0);
  return (
    <div className="long-text" data-testid={testId ? `${testId}-long` : undefined} aria-label={label} role="group">
      <div className="long-text-body" tabIndex={0}>
        {pages === 0 ? `${text.slice(0, CLIPPED_CHARS)}…` : shown.map((p, i) => <span key={i}>{p}</span>)}
      </div>
      <div className="long-text-footer muted">
        <span>
          {pages === 0 ? `Shows the first ${charCount(CLIPPED_CHARS)} of ${charCount(text.length)}` : `Shows ${charCount(shownChars)} of ${charCount(text.length)}`}
          {' '}· too long to edit here
        </span>
        {shownChars < text.length ? (
          <button type="button" className="link-button" data-testid={testId ? `${testId}-show-all` : undefined} onClick={() => setPages(pages + 1)}>
            {pages === 0 ? 'Show all' : 'Show more'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
