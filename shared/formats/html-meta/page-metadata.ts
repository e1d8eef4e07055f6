import type { CslItemData } from '../../model/csl.ts';
import { arxivCsl } from '../identifiers/index.ts';
import { readCoins } from './coins.ts';
import { readDublinCore } from './dublin-core.ts';
import { readHighwire } from './highwire.ts';
import { scanHtml } from './html-scan.ts';
import { readHuggingFace } from './hugging-face.ts';
import { readJsonLd } from './json-ld.ts';
import { mergePaperFields } from './merge-page-meta.ts';
import { arxivOf, safeHttpUrl } from './meta-values.ts';
import type { PageMetadata, PaperFields, SourceFields } from './page-types.ts';

/** The address a saved page came from: Chrome's "Save page as" writes `<!-- saved from url=(0044)https://… -->`. */
export function savedFromUrl(html: string): string | undefined {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return m ? safeHttpUrl(m[1], undefined) : undefined;
}

/**
 * Everything a page says about the paper it shows, merged by precedence (merge-page-meta.ts).
 * `pageUrl` resolves relative PDF links and recognises arXiv and Hugging Face addresses; for a saved
 * file it is found in the page itself when not given. Linear in the page's size; what it keeps is bounded.
 */
export function readPageMetadata(html: string, pageUrl?: string): PageMetadata {
  const scanned = scanHtml(html);
  const notes: string[] = [];
  const ogUrl = scanned.metas.find((m) => m.name.toLowerCase() === 'og:url')?.content;
  const base = (pageUrl ? safeHttpUrl(pageUrl, undefined) : undefined) ?? savedFromUrl(html) ?? safeHttpUrl(scanned.canonical ?? undefined, undefined) ?? safeHttpUrl(ogUrl, undefined);
  const sources = [
    readHighwire(scanned.metas, base, notes),
    readJsonLd(scanned.jsonLd, base, notes),
    readDublinCore(scanned.metas, base, notes),
    readCoins(scanned.coins, base, notes),
    readHuggingFace(base, scanned.metas, scanned.title, scanned.canonical),
  ].filter((s): s is SourceFields => s !== null);
  if (scanned.truncated) notes.push('the page has more metadata tags than Folio reads; the rest were ignored');
  const paper = mergePaperFields(sources);
  const fromAddress = base ? arxivOf(base) : undefined;
  if (!paper.arxivId && fromAddress && sources.length > 0) paper.arxivId = fromAddress;
  const isPaper = Boolean(paper.title && (paper.authors || paper.doi || paper.arxivId || paper.pdfUrl));
  return { isPaper, paper, sources, notes: [...new Set(notes)] };
}

/** The CSL record of a merged page. An arXiv paper starts from its arXiv record (preprint, id, DOI), as elsewhere in Folio. */
export function paperCsl(paper: PaperFields, pageUrl?: string): CslItemData {
  const csl: CslItemData = paper.arxivId ? arxivCsl(paper.arxivId) : { type: paper.type ?? 'article-journal' };
  if (paper.arxivId && paper.type && paper.containerTitle) csl.type = paper.type;
  if (paper.title) csl.title = paper.title;
  if (paper.authors) csl.author = paper.authors;
  const issued = paper.issued ?? paper.onlineDate;
  if (issued) csl.issued = issued;
  if (paper.onlineDate) csl['available-date'] = paper.onlineDate;
  if (paper.containerTitle) csl['container-title'] = paper.containerTitle;
  if (paper.volume) csl.volume = paper.volume;
  if (paper.issue) csl.issue = paper.issue;
  if (paper.page) csl.page = paper.page;
  if (paper.publisher) csl.publisher = paper.publisher;
  if (paper.number) csl.number = paper.number;
  if (paper.doi) csl.DOI = paper.doi;
  const url = paper.url ?? (paper.arxivId ? undefined : safeHttpUrl(pageUrl, undefined));
  if (url && !paper.arxivId) csl.URL = url;
  if (paper.abstract) csl.abstract = paper.abstract;
  if (paper.keywords) csl.keyword = paper.keywords.join(', ');
  if (paper.language) csl.language = paper.language;
  if (paper.isbn) csl.ISBN = paper.isbn;
  if (paper.issn) csl.ISSN = paper.issn;
  return csl;
}
