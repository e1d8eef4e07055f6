import type { PaperFields, SourceFields } from './page-types.ts';
import { indexMetas, type MetaIndex } from './highwire.ts';
import { arxivOf, doiOf, nameList, parseDate, safeHttpUrl, setText } from './meta-values.ts';
import { cleanText } from './html-entities.ts';

/** `DC.creator`, `dc.Creator`, `DCTERMS.issued`, `dcterms:abstract`: one spelling per term. */
function canonical(name: string): string {
  return name.replace(/^(?:dc|dcterms)[.:]/, 'dc.');
}

function values(index: MetaIndex, ...names: string[]): string[] {
  return names.flatMap((n) => index.get(n) ?? []).filter((v) => cleanText(v) !== '');
}

/**
 * Dublin Core (`DC.title`, `DC.creator` …, also as `DCTERMS.*`). Pages often repeat a term, sometimes with
 * the same value; repeats are read once, and the first value wins for single-valued terms.
 */
export function readDublinCore(metas: ReadonlyArray<{ name: string; content: string }>, pageUrl: string | undefined, notes: string[]): SourceFields | null {
  const renamed = metas.map((m) => ({ name: canonical(m.name.toLowerCase()), content: m.content }));
  const index = indexMetas(renamed, (name) => name.startsWith('dc.'));
  if (index.size === 0) return null;
  const paper: PaperFields = {};
  setText(paper, 'title', values(index, 'dc.title')[0]);
  const names = nameList(values(index, 'dc.creator', 'dc.creator.personalname', 'dc.contributor.author'), notes);
  if (names) paper.authors = names;
  const issued = parseDate(values(index, 'dc.date.issued', 'dc.issued', 'dc.date')[0]);
  if (issued) paper.issued = issued;
  setText(paper, 'publisher', values(index, 'dc.publisher')[0]);
  setText(paper, 'abstract', values(index, 'dc.description.abstract', 'dc.abstract', 'dc.description')[0]);
  setText(paper, 'language', values(index, 'dc.language')[0]);
  setText(paper, 'containerTitle', values(index, 'dc.source', 'dc.relation.ispartof', 'dc.ispartof')[0]);
  for (const id of values(index, 'dc.identifier', 'dc.identifier.doi', 'dc.identifier.uri')) {
    const doi = doiOf(id);
    if (doi && !paper.doi) paper.doi = doi;
    const arxiv = arxivOf(id);
    if (arxiv && !paper.arxivId) paper.arxivId = arxiv;
    const url = !doi ? safeHttpUrl(id, pageUrl) : undefined;
    if (url && !paper.url && /^https?:/i.test(cleanText(id))) paper.url = url;
  }
  const type = values(index, 'dc.type')[0]?.toLowerCase() ?? '';
  if (/conference|proceedings/.test(type)) paper.type = 'paper-conference';
  else if (/article|text/.test(type)) paper.type = 'article-journal';
  const keywords = values(index, 'dc.subject').map(cleanText).filter(Boolean);
  if (keywords.length > 0) paper.keywords = [...new Set(keywords)].slice(0, 100);
  return { source: 'DC.*', fields: index.size, paper };
}
