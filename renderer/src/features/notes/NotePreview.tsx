import { useMemo, type MouseEvent } from 'react';
import { openExternal } from '../../platform/index.ts';
import { renderMarkdown } from './markdown.ts';
import { clipText, MAX_PREVIEW_CHARS } from './render-limits.ts';
import { sanitizeHtml } from '../../html/sanitize.ts';
import { readerLinkTarget } from '../../html/reader-links.ts';
import { useStore } from '../../store/index.ts';
import 'katex/dist/katex.min.css';

/** Rendered note. Links never navigate the window: folio://open/… opens the reader there, others go through the external-link allowlist. */
export default function NotePreview({ markdown }: { markdown: string }) {
  const clipped = useMemo(() => clipText(markdown, MAX_PREVIEW_CHARS), [markdown]);
  const html = useMemo(() => sanitizeHtml(renderMarkdown(clipped.text)), [clipped]);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as Element).closest('a');
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href');
    if (!href) return;
    const inReader = readerLinkTarget(href);
    if (inReader) void useStore.getState().openReaderAt(inReader);
    else void openExternal(href);
  };
  if (markdown.trim() === '') {
    return <div className="note-preview empty" data-testid="note-preview">Nothing to preview yet.</div>;
  }
  return (
    // The only raw HTML in the app: markdown-it (html off) + KaTeX, then DOMPurify.
    <div className="note-preview" data-testid="note-preview">
      {clipped.clippedFrom !== null ? (
        <p className="note-preview-clipped muted" data-testid="note-preview-clipped">
          Preview shows the first {clipped.text.length.toLocaleString('en')} of {clipped.clippedFrom.toLocaleString('en')} characters.
        </p>
      ) : null}
      <div className="markdown-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
