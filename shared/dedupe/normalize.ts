import type { CslItemData, CslName } from '../model/csl.ts';
import { cslYear } from '../model/csl.ts';
import { arxivIdFromDoi, classifyUrl, findIdentifiers, normalizeDoi, parseArxivId, type FoundIdentifier } from '../formats/identifiers/index.ts';

// LaTeX letters that are commands themselves (`{\o}`, `\ss`), kept as their plain letters.
const LATEX_LETTERS: Readonly<Record<string, string>> = { o: 'o', O: 'o', l: 'l', L: 'l', ss: 'ss', ae: 'ae', AE: 'ae', oe: 'oe', OE: 'oe', aa: 'a', AA: 'a', i: 'i', j: 'j' };
/** Commands that only format or accent their argument: dropped, the argument stays. */
const LATEX_MARKUP = new Set(['emph', 'textit', 'textbf', 'textsc', 'texttt', 'textrm', 'textsf', 'text', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'boldsymbol', 'mbox', 'url', 'href', 'footnote', 'c', 'v', 'H', 'u', 'k', 'r', 't', 'd', 'b']);

/** Strips LaTeX markup: accent and formatting commands, braces and math dollars; `\alpha` stays as a word. */
export function stripLatex(text: string): string {
  if (!/[\\{}$]/.test(text)) return text;
  return text
    .replace(/\\([a-zA-Z]+)\s*/g, (_, name: string) => LATEX_LETTERS[name] ?? (LATEX_MARKUP.has(name) ? '' : ` ${name} `))
    .replace(/\\[^a-zA-Z\s]/g, '')
    .replace(/[{}$]/g, '');
}

/** Folds a text to lower-case ASCII-ish words: accents dropped, punctuation and spacing collapsed. */
export function foldText(text: string): string {
  // Most titles are plain ASCII without markup: skip Unicode normalisation for them (it dominates at 50k items).
  if (/^[\x20-\x23\x25\x27-\x5b\x5d-\x7a\x7c\x7e]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return stripLatex(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s&\s/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The family name's last word, folded: `van den Oord` and `Oord` both give `oord`. */
export function familyKey(name: CslName | undefined): string {
  if (!name) return '';
  const family = name.family ?? name.literal ?? '';
  const words = foldText(family).split(' ');
  return words.at(-1) ?? '';
}

export interface ItemKeys {
  dois: readonly string[];
  arxivIds: readonly string[];
  title: string;
  firstAuthor: string;
  year: number | null;
  preprint: boolean;
}

const PREPRINT_VENUE = /\b(?:arxiv|corr|biorxiv|medrxiv|ssrn|chemrxiv|openreview|preprint)\b/i;

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

interface ItemIds {
  dois: readonly string[];
  arxivIds: readonly string[];
}

/** Shared by every item without identifiers, so 50k items do not allocate 100k empty arrays. */
const NONE: readonly string[] = Object.freeze([]);

function addUnique(ids: ItemIds, kind: keyof ItemIds, value: string): void {
  const list = ids[kind];
  if (list === NONE) ids[kind] = [value];
  else if (!list.includes(value)) (list as string[]).push(value);
}

function addFound(found: FoundIdentifier[], ids: ItemIds, withDois: boolean): void {
  for (const f of found) {
    if (f.kind === 'arxiv') addUnique(ids, 'arxivIds', f.value);
    else if (f.kind === 'doi' && withDois && !arxivIdFromDoi(f.value)) addUnique(ids, 'dois', f.value);
  }
}

/** DOIs and arXiv ids an item carries in DOI, URL, note, number, archive fields, an arXiv "journal" and DBLP's CoRR volume. */
function identifiersOf(csl: CslItemData): ItemIds {
  const ids: ItemIds = { dois: NONE, arxivIds: NONE };
  const doiText = text(csl.DOI);
  const doi = doiText ? normalizeDoi(doiText) : null;
  if (doi) {
    const arxiv = arxivIdFromDoi(doi);
    if (arxiv) addUnique(ids, 'arxivIds', arxiv.id);
    else addUnique(ids, 'dois', doi);
  }
  const url = text(csl.URL).trim();
  // The usual case, one link, is classified without scanning for every identifier form.
  if (/^https?:\/\/\S+$/i.test(url)) addFound(classifyUrl(url, 0), ids, true);
  else if (url) addFound(findIdentifiers(url), ids, true);
  for (const field of [csl.number, csl.archive_location, csl['container-title']]) {
    const value = text(field);
    if (value && /\d{4}\.\d{4}|\/\d{7}/.test(value)) addFound(findIdentifiers(value), ids, false);
  }
  // DBLP cites arXiv papers as journal "CoRR", volume "abs/2001.08361".
  const dblp = /^abs\/(.+)$/.exec(text(csl.volume));
  const dblpId = dblp ? parseArxivId(dblp[1]!) : null;
  if (dblpId) addUnique(ids, 'arxivIds', dblpId.id);
  // A note may cite other papers: trust it only when it names a single arXiv id.
  const note = text(csl.note);
  if (note && /arxiv|\d{4}\.\d{4}/i.test(note)) {
    const found = new Set(findIdentifiers(note).filter((f) => f.kind === 'arxiv').map((f) => f.value));
    if (found.size === 1) addUnique(ids, 'arxivIds', [...found][0]!);
  }
  return ids;
}

export function itemKeys(csl: CslItemData): ItemKeys {
  const { dois, arxivIds } = identifiersOf(csl);
  const title = foldText(text(csl.title));
  // An edited book is known by its first editor; a chapter without authors is not known by the book's.
  const firstName = csl.author?.[0] ?? (csl.type === 'book' ? csl.editor?.[0] : undefined);
  const preprint = csl.type === 'article' || csl.type === 'manuscript' || (arxivIds.length > 0 && dois.length === 0) ||
    PREPRINT_VENUE.test(text(csl['container-title'])) || PREPRINT_VENUE.test(text(csl.publisher));
  return {
    dois,
    arxivIds,
    title,
    firstAuthor: familyKey(firstName),
    year: cslYear(csl),
    preprint,
  };
}
