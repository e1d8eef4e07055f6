import type { PaperFields, SourceFields } from './page-types.ts';
import { arxivOf, doiOf, nameList, parseDate, safeHttpUrl, setText } from './meta-values.ts';
import { cleanText } from './html-entities.ts';

/** Meta values by lower-cased name, in document order. */
export type MetaIndex = Map<string, string[]>;

export function indexMetas(metas: ReadonlyArray<{ name: string; content: string }>, accept: (name: string) => boolean): MetaIndex {
  const index: MetaIndex = new Map();
  for (const { name, content } of metas) {
    const key = name.toLowerCase();
    if (!accept(key)) continue;
    const list = index.get(key);
    if (list) list.push(content);
    else index.set(key, [content]);
  }
  return index;
}

const first = (index: MetaIndex, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = index.get(name)?.find((v) => cleanText(v) !== '');
    if (value !== undefined) return value;
  }
  return undefined;
};

/**
 * Highwire Press tags (`citation_title`, one `citation_author` per author, …), which Google Scholar reads:
 * arXiv, OpenReview, ACL Anthology, PMLR, NeurIPS and most publishers publish them.
 * `citation_publication_date` dates the paper, then `citation_date`, `citation_cover_date`, `citation_year`;
 * `citation_online_date` is kept apart and used only when nothing else dates it.
 */
export function readHighwire(metas: ReadonlyArray<{ name: string; content: string }>, pageUrl: string | undefined, notes: string[]): SourceFields | null {
  const index = indexMetas(metas, (name) => name.startsWith('citation_'));
  if (index.size === 0) return null;
  const paper: PaperFields = {};
  setText(paper, 'title', first(index, 'citation_title'));
  const authorTags = index.get('citation_author') ?? [];
  const authors = authorTags.length > 0 ? authorTags : (first(index, 'citation_authors')?.split(';') ?? []);
  const names = nameList(authors, notes);
  if (names) paper.authors = names;
  const issued = parseDate(first(index, 'citation_publication_date')) ?? parseDate(first(index, 'citation_date'))
    ?? parseDate(first(index, 'citation_cover_date')) ?? parseDate(first(index, 'citation_year'));
  if (issued) paper.issued = issued;
  const online = parseDate(first(index, 'citation_online_date'));
  if (online) paper.onlineDate = online;

  const journal = first(index, 'citation_journal_title');
  const conference = first(index, 'citation_conference_title', 'citation_conference');
  const book = first(index, 'citation_inbook_title', 'citation_book_title');
  setText(paper, 'containerTitle', journal ?? conference ?? book);
  if (journal) paper.type = 'article-journal';
  else if (conference) paper.type = 'paper-conference';
  else if (book) paper.type = 'chapter';
  else if (first(index, 'citation_dissertation_institution')) paper.type = 'thesis';
  else if (first(index, 'citation_technical_report_institution')) paper.type = 'report';

  setText(paper, 'volume', first(index, 'citation_volume'));
  setText(paper, 'issue', first(index, 'citation_issue'));
  const firstPage = first(index, 'citation_firstpage');
  const lastPage = first(index, 'citation_lastpage');
  if (firstPage) setText(paper, 'page', lastPage && cleanText(lastPage) !== cleanText(firstPage) ? `${firstPage}-${lastPage}` : firstPage);
  setText(paper, 'publisher', first(index, 'citation_publisher', 'citation_dissertation_institution', 'citation_technical_report_institution'));
  setText(paper, 'number', first(index, 'citation_technical_report_number'));
  setText(paper, 'abstract', first(index, 'citation_abstract'));
  setText(paper, 'language', first(index, 'citation_language'));
  setText(paper, 'isbn', first(index, 'citation_isbn'));
  setText(paper, 'issn', first(index, 'citation_issn'));
  const doi = doiOf(first(index, 'citation_doi'));
  if (doi) paper.doi = doi;
  const arxiv = arxivOf(first(index, 'citation_arxiv_id'));
  if (arxiv) paper.arxivId = arxiv;
  // A page may name several PDFs; the first that is a real http(s) address wins, a javascript: one is dropped.
  const pdf = (index.get('citation_pdf_url') ?? []).map((u) => safeHttpUrl(u, pageUrl)).find((u) => u !== undefined);
  if (pdf) paper.pdfUrl = pdf;
  const url = safeHttpUrl(first(index, 'citation_abstract_html_url', 'citation_public_url', 'citation_fulltext_html_url'), pageUrl);
  if (url) paper.url = url;
  const keywords = (index.get('citation_keywords') ?? []).flatMap((k) => k.split(/[;,]/)).map(cleanText).filter(Boolean);
  if (keywords.length > 0) paper.keywords = [...new Set(keywords)].slice(0, 100);
  return { source: 'citation_*', fields: index.size, paper };
}
