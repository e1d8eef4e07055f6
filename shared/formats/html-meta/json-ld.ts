import type { CslName } from '../../model/csl.ts';
import type { PaperFields, SourceFields } from './page-types.ts';
import { arxivOf, doiOf, MAX_AUTHORS, nameList, parseDate, safeHttpUrl, setText } from './meta-values.ts';
import { cleanText } from './html-entities.ts';

/** schema.org types that describe a citable work; a page's WebSite or Organization blocks are ignored. */
const WORK_TYPES = new Set(['scholarlyarticle', 'article', 'techarticle', 'report', 'thesis', 'chapter', 'medicalscholarlyarticle', 'creativework', 'publicationissue']);
const CSL_TYPE: Record<string, string> = { scholarlyarticle: 'article-journal', medicalscholarlyarticle: 'article-journal', report: 'report', thesis: 'thesis', chapter: 'chapter' };

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json): Json[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function text(v: Json): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isObject(v)) return text(v['name'] ?? v['@value'] ?? v['value']);
  if (Array.isArray(v)) return text(v[0]);
  return undefined;
}

function types(node: Record<string, Json>): string[] {
  return asList(node['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

/** Every object in the document, breadth first, bounded so a deep or huge JSON-LD block stays cheap. */
function nodes(root: Json): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const queue: Json[] = [root];
  for (let visited = 0; queue.length > 0 && visited < 5000; visited++) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...v.slice(0, 200));
    else if (isObject(v)) {
      out.push(v);
      for (const key of ['@graph', 'mainEntity', 'hasPart']) if (key in v) queue.push(v[key]);
    }
  }
  return out;
}

function personName(v: Json): CslName | string | null {
  if (typeof v === 'string') return v;
  if (!isObject(v)) return null;
  const family = text(v['familyName']);
  const given = text(v['givenName']);
  if (family) return given ? { family: cleanText(family), given: cleanText(given) } : { family: cleanText(family) };
  return text(v['name']) ?? null;
}

function paperOf(node: Record<string, Json>, pageUrl: string | undefined, notes: string[]): PaperFields {
  const paper: PaperFields = {};
  setText(paper, 'title', text(node['headline']) ?? text(node['name']));
  const people = asList(node['author']).slice(0, MAX_AUTHORS + 1).map(personName);
  const structured = people.filter((p): p is CslName => typeof p === 'object' && p !== null);
  if (structured.length === people.length && structured.length > 0) paper.authors = structured.slice(0, MAX_AUTHORS);
  else {
    const names = nameList(people.map((p) => (typeof p === 'string' ? p : p ? `${p.family ?? ''}, ${p.given ?? ''}` : '')), notes);
    if (names) paper.authors = names;
  }
  const issued = parseDate(text(node['datePublished']) ?? text(node['dateCreated']));
  if (issued) paper.issued = issued;
  const partOf = node['isPartOf'];
  setText(paper, 'containerTitle', text(partOf));
  if (isObject(partOf)) {
    setText(paper, 'volume', text(partOf['volumeNumber']));
    setText(paper, 'issue', text(partOf['issueNumber']));
  }
  setText(paper, 'publisher', text(node['publisher']));
  setText(paper, 'abstract', text(node['abstract']) ?? text(node['description']));
  setText(paper, 'language', text(node['inLanguage']));
  const start = text(node['pageStart']);
  const end = text(node['pageEnd']);
  if (start) setText(paper, 'page', end ? `${start}-${end}` : start);
  for (const id of [...asList(node['identifier']), ...asList(node['sameAs']), node['url']]) {
    const value = isObject(id) ? text(id['value'] ?? id['@id'] ?? id['url']) : text(id);
    const doi = doiOf(value);
    if (doi && !paper.doi) paper.doi = doi;
    const arxiv = arxivOf(value);
    if (arxiv && !paper.arxivId) paper.arxivId = arxiv;
  }
  const url = safeHttpUrl(text(node['url']), pageUrl);
  if (url) paper.url = url;
  for (const media of [...asList(node['encoding']), ...asList(node['associatedMedia']), ...asList(node['distribution'])]) {
    if (!isObject(media)) continue;
    const format = text(media['encodingFormat']) ?? text(media['fileFormat']) ?? '';
    const href = safeHttpUrl(text(media['contentUrl']) ?? text(media['url']), pageUrl);
    if (href && /pdf/i.test(format) && !paper.pdfUrl) paper.pdfUrl = href;
  }
  const keywords = asList(node['keywords']).flatMap((k) => (text(k) ?? '').split(',')).map(cleanText).filter(Boolean);
  if (keywords.length > 0) paper.keywords = [...new Set(keywords)].slice(0, 100);
  return paper;
}

/** JSON-LD blocks: the first schema.org work (ScholarlyArticle, Article, Report, …) is read; broken JSON is skipped. */
export function readJsonLd(blocks: readonly string[], pageUrl: string | undefined, notes: string[]): SourceFields | null {
  for (const block of blocks) {
    let root: Json;
    try {
      root = JSON.parse(block.replace(/^\s*<!--|-->\s*$/g, ''));
    } catch {
      notes.push('a JSON-LD block is not valid JSON and was skipped');
      continue;
    }
    const work = nodes(root).find((n) => types(n).some((t) => WORK_TYPES.has(t)));
    if (!work) continue;
    const paper = paperOf(work, pageUrl, notes);
    const type = types(work).map((t) => CSL_TYPE[t]).find((t) => t !== undefined);
    if (type) paper.type = type;
    return { source: 'JSON-LD', fields: Object.keys(work).filter((k) => !k.startsWith('@')).length, paper };
  }
  return null;
}
