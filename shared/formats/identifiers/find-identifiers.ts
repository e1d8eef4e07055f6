import { NEW_ARXIV_SOURCE, OLD_ARXIV_SOURCE, newArxivFromGroups, oldArxivFromGroups, type ArxivId } from './arxiv-id.ts';
import { classifyUrl } from './classify-url.ts';
import { DOI_BODY, normalizeDoi, trimTrailingPunctuation } from './doi.ts';
import type { FoundIdentifier } from './identifier-types.ts';
import { isValidIsbn10, isValidIsbn13, normalizeIsbn } from './isbn.ts';

interface Candidate {
  start: number;
  end: number;
  /** Lower wins when candidates overlap: a URL beats the DOI or arXiv id written inside it. */
  priority: number;
  found: FoundIdentifier[];
}

type Matcher = (text: string, out: Candidate[]) => void;

const URL_CHARS = String.raw`[^\s"<>{}|\\^\u0060]`;
const URL_RE = new RegExp(
  String.raw`(?:https?:\/\/|(?<![\w.@\/-])(?:www\.|export\.|dx\.)?(?:arxiv\.org|doi\.org|huggingface\.co|hf\.co)\/)${URL_CHARS}+`,
  'gi',
);
// Not inside a longer number or dotted version (`1.2401.12345`), nor followed by more digits or letters.
const NEW_TAIL = String.raw`(?![\p{L}\d]|\.\d)`;
const PREFIXED_ARXIV_RE = new RegExp(String.raw`\barxiv\s*[:.]?\s*(?:${NEW_ARXIV_SOURCE}${NEW_TAIL}|${OLD_ARXIV_SOURCE}(?!\d))`, 'giu');
const BARE_NEW_ARXIV_RE = new RegExp(String.raw`(?<![\p{L}\d._\/-])${NEW_ARXIV_SOURCE}${NEW_TAIL}`, 'gu');
const BARE_OLD_ARXIV_RE = new RegExp(String.raw`(?<![\w.\/-])${OLD_ARXIV_SOURCE}(?![\w])`, 'gi');
const DOI_RE = new RegExp(String.raw`(?<![\w.\/-])(?:doi\s*:?\s*)?${DOI_BODY}`, 'gi');
const ISBN_PREFIX_RE = /\bISBN(?:-1[03])?\s*:?\s*(?=[\dX])/gi;
const BARE_ISBN13_RE = /(?<![\w-])97[89](?:-?\d){10}(?![\w-])/g;
const BARE_ISBN10_RE = /(?<![\w-])\d{1,5}-\d{1,7}-\d{1,7}-[\dX](?![\w-])/g;

function arxivFound(id: ArxivId, raw: string, index: number): FoundIdentifier {
  return id.version ? { kind: 'arxiv', value: id.id, version: id.version, raw, index } : { kind: 'arxiv', value: id.id, raw, index };
}

const matchUrls: Matcher = (text, out) => {
  for (const m of text.matchAll(URL_RE)) {
    const raw = trimTrailingPunctuation(m[0]);
    if (!/[\w-]\.[a-z]{2,}/i.test(raw)) continue;
    out.push({ start: m.index, end: m.index + raw.length, priority: 1, found: classifyUrl(raw, m.index) });
  }
};

function arxivMatcher(re: RegExp, priority: number, oldStyleGroup: number): Matcher {
  return (text, out) => {
    for (const m of text.matchAll(re)) {
      const id = m[oldStyleGroup] !== undefined
        ? oldArxivFromGroups(m[oldStyleGroup]!, m[oldStyleGroup + 1]!, m[oldStyleGroup + 2])
        : newArxivFromGroups(m[1]!, m[2]!, m[3]);
      if (id) out.push({ start: m.index, end: m.index + m[0].length, priority, found: [arxivFound(id, m[0], m.index)] });
    }
  };
}

const matchDois: Matcher = (text, out) => {
  for (const m of text.matchAll(DOI_RE)) {
    const raw = trimTrailingPunctuation(m[0]);
    const doi = normalizeDoi(raw);
    if (doi) out.push({ start: m.index, end: m.index + raw.length, priority: 3, found: [{ kind: 'doi', value: doi, raw, index: m.index }] });
  }
};

/** After an `ISBN` label: the longest run of 13 or 10 digits (spaces and hyphens allowed) with a valid checksum. */
const matchPrefixedIsbns: Matcher = (text, out) => {
  for (const m of text.matchAll(ISBN_PREFIX_RE)) {
    const from = m.index + m[0].length;
    let digits = '';
    let best: { end: number; isbn: string } | null = null;
    for (let i = from; i < text.length && i < from + 20; i++) {
      const c = text[i]!.toUpperCase();
      if (c === ' ' || c === '-') continue;
      if (!/[\dX]/.test(c) || digits.length === 13) break;
      digits += c;
      const next = text[i + 1] ?? '';
      if (/\d/.test(next)) continue;
      if ((digits.length === 10 && isValidIsbn10(digits)) || (digits.length === 13 && isValidIsbn13(digits))) best = { end: i + 1, isbn: digits };
      if (c === 'X') break;
    }
    const isbn = best ? normalizeIsbn(best.isbn) : null;
    if (best && isbn) {
      const raw = text.slice(m.index, best.end);
      out.push({ start: m.index, end: best.end, priority: 2, found: [{ kind: 'isbn', value: isbn, raw, index: m.index }] });
    }
  }
};

function bareIsbnMatcher(re: RegExp): Matcher {
  return (text, out) => {
    for (const m of text.matchAll(re)) {
      const isbn = normalizeIsbn(m[0]);
      if (isbn) out.push({ start: m.index, end: m.index + m[0].length, priority: 6, found: [{ kind: 'isbn', value: isbn, raw: m[0], index: m.index }] });
    }
  };
}

const MATCHERS: Matcher[] = [
  matchUrls,
  arxivMatcher(PREFIXED_ARXIV_RE, 2, 4),
  matchPrefixedIsbns,
  matchDois,
  arxivMatcher(BARE_OLD_ARXIV_RE, 4, 1),
  arxivMatcher(BARE_NEW_ARXIV_RE, 5, 99),
  bareIsbnMatcher(BARE_ISBN13_RE),
  bareIsbnMatcher(BARE_ISBN10_RE),
];

/**
 * Every DOI, arXiv id, Hugging Face paper, ISBN and URL written in `text`, in reading order.
 * A Hugging Face paper page yields both an `hf-paper` and an `arxiv` entry; an arXiv DOI yields
 * a `doi` and an `arxiv` entry. Text inside a URL is never reported a second time.
 */
export function findIdentifiers(text: string): FoundIdentifier[] {
  const candidates: Candidate[] = [];
  for (const match of MATCHERS) match(text, candidates);
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.priority - b.priority || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    accepted.push(c);
  }
  accepted.sort((a, b) => a.start - b.start);
  return accepted.flatMap((c) => c.found);
}
