import { useMemo, type MouseEvent } from 'react';
import { openExternal } from '../../platform/index.ts';
import { renderMarkdown } from './markdown.ts';
import { sanitizeHtml } from '../../html/sanitize.ts';
import 'katex/dist/katex.min.css';

/** Rendered note. Links never navigate the window; they go through the external-link allowlist. */
export default function NotePreview({ markdown }: { markdown: string }) {
  const html = useMemo(() => sanitizeHtml(renderMarkdown(markdown)), [markdown]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as Element).closest('a');
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href');
    if (href) void openExternal(href);
  };
  if (markdown.trim() === '') {
    return <div className="note-preview empty" data-testid="note-preview">Nothing to preview yet.</div>;
  }
  return (
    // The only raw HTML in the app: markdown-it (html off) + KaTeX, then DOMPurify.
    <div className="note-preview markdown-body" data-testid="note-preview" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
