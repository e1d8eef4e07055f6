export type { PageMetadata, PageSourceName, PaperFields, SourceFields } from './page-types.ts';
export { readPageMetadata, paperCsl, savedFromUrl } from './page-metadata.ts';
export { describeSources, mergePaperFields, SOURCE_PRECEDENCE } from './merge-page-meta.ts';
export { scanHtml, SCAN_LIMITS } from './html-scan.ts';
export { cleanText, decodeEntities } from './html-entities.ts';
export { MAX_AUTHORS, safeHttpUrl } from './meta-values.ts';
export { looksLikeHtml, readHtmlImport, type HtmlImport } from './html-import.ts';
