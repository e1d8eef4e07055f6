import { Fragment } from 'react';

export interface MarkedRange {
  start: number;
  end: number;
}

/**
 * Text with some ranges marked: plain text nodes and <mark> elements built from offsets, so text from the library
 * is never parsed as markup. `ranges` must be sorted and not overlap (shared/search/highlight.ts answers them so).
 */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly MarkedRange[] }) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: Array<{ text: string; marked: boolean }> = [];
  let from = 0;
  for (const r of ranges) {
    const start = Math.max(from, Math.min(r.start, text.length));
    const end = Math.max(start, Math.min(r.end, text.length));
    if (start > from) parts.push({ text: text.slice(from, start), marked: false });
    if (end > start) parts.push({ text: text.slice(start, end), marked: true });
    from = end;
  }
  if (from < text.length) parts.push({ text: text.slice(from), marked: false });
  return (
    <>
      {parts.map((p, i) => (p.marked ? <mark key={i} className="match" data-testid="match-mark">{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
