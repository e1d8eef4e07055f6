import type { ImportFormat } from './import-issue.ts';
import { looksLikeListing } from './listing/index.ts';
import { looksLikeHtml } from './html-meta/html-import.ts';

const BY_EXTENSION: ReadonlyArray<[RegExp, ImportFormat]> = [
  [/\.(?:bib|bibtex|biblatex)$/i, 'bibtex'],
  [/\.ris$/i, 'ris'],
  [/\.x?html?$/i, 'html'],
  [/\.(?:csl\.json|json)$/i, 'csl-json'],
];

/** What the text itself says, looking only at its start so large files stay cheap. */
function byContent(text: string): ImportFormat | null {
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  // Before BibTeX: a page's CSS has `@media (` lines.
  if (looksLikeHtml(head)) return 'html';
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {1,2}- ?\S/m.test(head)) return 'ris';
  if (/^\s*@\s*[a-z]+\s*[{(]/im.test(head)) return 'bibtex';
  return looksLikeListing(text) ? 'listing' : null;
}

/**
 * Which importer reads the file: a known extension decides, otherwise the content
 * (CSL-JSON, RIS, BibTeX, then a pasted paper listing). Null when nothing fits.
 */
export function guessImportFormat(fileName: string, text: string): ImportFormat | null {
  for (const [pattern, format] of BY_EXTENSION) if (pattern.test(fileName.trim())) return format;
  return byContent(text);
}
