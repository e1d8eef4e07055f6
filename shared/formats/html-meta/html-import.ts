import type { CslItemData } from '../../model/csl.ts';
import type { ImportIssue } from '../import-issue.ts';
import { describeSources } from './merge-page-meta.ts';
import { paperCsl, readPageMetadata, savedFromUrl } from './page-metadata.ts';

/** A saved web page (or the connector's snapshot of one) as an import: one record at most. */
export interface HtmlImport {
  records: Array<{ csl: CslItemData; line: number; metadataPending: boolean; pdfUrl: string | null }>;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
  /** `citation_* (12 fields), JSON-LD`. */
  summary: string;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|meta)\b/i.test(text.slice(0, 4096).replace(/^\uFEFF/, ''));
}

/** `pageUrl`: where the page was shown (the connector knows it; a saved file says it in a comment, or not at all). */
export function readHtmlImport(html: string, fileName: string, pageUrl?: string): HtmlImport {
  const meta = readPageMetadata(html, pageUrl ?? savedFromUrl(html));
  const summary = describeSources(meta.sources);
  const warnings = meta.notes.map((reason) => ({ file: fileName, line: 1, reason }));
  if (!meta.isPaper) {
    const reason = meta.sources.length === 0
      ? 'the page has no citation metadata (citation_*, Dublin Core, JSON-LD, COinS)'
      : `the page's metadata (${summary}) names no paper: a title with an author, DOI, arXiv id or PDF is needed`;
    return { records: [], skipped: [{ file: fileName, line: 1, reason }], warnings, summary };
  }
  const csl = paperCsl(meta.paper, pageUrl);
  // A title and an arXiv id alone (a Hugging Face page): the arXiv lookup completes it when online.
  const metadataPending = Boolean(meta.paper.arxivId && !meta.paper.authors);
  return { records: [{ csl, line: 1, metadataPending, pdfUrl: meta.paper.pdfUrl ?? null }], skipped: [], warnings, summary };
}
