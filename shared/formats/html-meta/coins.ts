import type { PaperFields, SourceFields } from './page-types.ts';
import { arxivOf, doiOf, nameList, parseDate, safeHttpUrl, setText } from './meta-values.ts';

function decodeKev(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s.replace(/\+/g, ' ');
  }
}

/** An OpenURL ContextObject (Z39.88-2004 KEV), as COinS spans carry it in their title attribute. */
function parseKev(title: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const pair of title.split('&').slice(0, 2000)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = decodeKev(pair.slice(0, eq)).trim().toLowerCase();
    const value = decodeKev(pair.slice(eq + 1));
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

/** COinS (`<span class="Z3988" title="ctx_ver=Z39.88-2004&rft.atitle=…">`): the first span that names a work. */
export function readCoins(spans: readonly string[], pageUrl: string | undefined, notes: string[]): SourceFields | null {
  for (const span of spans) {
    const kev = parseKev(span);
    const get = (k: string) => kev.get(k)?.[0];
    const title = get('rft.atitle') ?? get('rft.title') ?? get('rft.btitle');
    if (!title) continue;
    const paper: PaperFields = {};
    setText(paper, 'title', title);
    const names = [...(kev.get('rft.au') ?? [])];
    const last = get('rft.aulast');
    if (names.length === 0 && last) names.push(`${last}, ${get('rft.aufirst') ?? get('rft.auinit') ?? ''}`);
    const authors = nameList(names, notes);
    if (authors) paper.authors = authors;
    const issued = parseDate(get('rft.date'));
    if (issued) paper.issued = issued;
    setText(paper, 'containerTitle', get('rft.jtitle') ?? get('rft.stitle'));
    if (get('rft.atitle') && get('rft.btitle')) setText(paper, 'containerTitle', get('rft.btitle'));
    setText(paper, 'volume', get('rft.volume'));
    setText(paper, 'issue', get('rft.issue'));
    const spage = get('rft.spage');
    const epage = get('rft.epage');
    setText(paper, 'page', get('rft.pages') ?? (spage ? (epage ? `${spage}-${epage}` : spage) : undefined));
    setText(paper, 'publisher', get('rft.pub'));
    setText(paper, 'isbn', get('rft.isbn'));
    setText(paper, 'issn', get('rft.issn'));
    const genre = (get('rft.genre') ?? '').toLowerCase();
    const format = get('rft_val_fmt') ?? '';
    if (genre === 'proceeding' || genre === 'conference') paper.type = 'paper-conference';
    else if (genre === 'bookitem') paper.type = 'chapter';
    else if (/journal/.test(format) || genre === 'article') paper.type = 'article-journal';
    for (const id of kev.get('rft_id') ?? []) {
      const doi = doiOf(id.replace(/^info:doi\//i, ''));
      if (doi && !paper.doi) paper.doi = doi;
      const arxiv = arxivOf(id.replace(/^info:arxiv\//i, ''));
      if (arxiv && !paper.arxivId) paper.arxivId = arxiv;
      const url = safeHttpUrl(id, pageUrl);
      if (url && !paper.url && /^https?:/i.test(id)) paper.url = url;
    }
    return { source: 'COinS', fields: [...kev.keys()].filter((k) => k.startsWith('rft')).length, paper };
  }
  return null;
}
