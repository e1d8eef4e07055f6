import { looksLikeHtml, readHtmlImport } from '../html-meta/html-import.ts';
import type { Importer } from './importer.ts';

/** A saved web page (or one the browser extension sends): its citation metadata, by documented precedence. */
export const htmlImporter: Importer = {
  format: 'html',
  fileName: /\.x?html?$/i,
  // Asked before BibTeX: a page's CSS has `@media (` lines.
  detect: ({ head }) => looksLikeHtml(head),
  parse(text, fileName, pageUrl) {
    const page = readHtmlImport(text, fileName, pageUrl);
    return {
      records: page.records.map((r) => ({ csl: r.csl, line: r.line, ...(r.metadataPending ? { metadataPending: true } : {}) })),
      issues: page.skipped,
      warnings: page.warnings,
      pageSources: page.summary,
    };
  },
};
