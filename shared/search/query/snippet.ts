import { foldText } from '../fold-text.ts';
import type { Expansion, SearchIndex } from '../index/search-index.ts';
import type { SearchDoc } from '../index/search-doc.ts';
import { normalizeText } from '../index/tokenize.ts';
import type { QueryNode } from './query-ast.ts';

/** A text word of the query, with the field it is restricted to and, inside a phrase, the phrase's normalised text. */
export interface QueryWord {
  word: string;
  field: string | null;
  phrase?: string;
}

/** Text words of the query (not under a NOT), with the field each is restricted to. */
export function positiveWords(node: QueryNode, out: QueryWord[] = []): QueryWord[] {
  if (node.kind === 'text') for (const word of node.words) out.push({ word, field: node.field, ...(node.phrase ? { phrase: node.text } : {}) });
  else if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) positiveWords(c, out);
  return out;
}

const SNIPPET_RADIUS = 60;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** CJK index terms are two-character cuts of a run written without spaces: they match anywhere in it. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/** Where the index term first stands as a whole word in folded text (anywhere, for a CJK cut), or -1. */
export function termAt(folded: string, term: string): number {
  if (term.length === 0) return -1;
  const anywhere = CJK.test(term);
  for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
    if (anywhere) return at;
    const end = at + term.length;
    if ((at === 0 || !WORD_CHAR.test(folded[at - 1] as string)) && (end >= folded.length || !WORD_CHAR.test(folded[end] as string))) return at;
  }
  return -1;
}

/**
 * Whether a folded text holds the index term as a whole word. An index term is a whole word (prefix and typo
 * expansions are listed terms of their own), so "minima" is not held by a page that only says "minimal".
 */
export function holdsTerm(folded: string, term: string): boolean {
  return termAt(folded, term) >= 0;
}

/** The first match of any term in `text`, as one line: "…scaled dot-product attention…". */
export function snippetAround(text: string, terms: readonly string[]): string | null {
  const folded = foldText(text);
  let at = -1;
  let len = 0;
  for (const term of terms) {
    const found = termAt(folded, term);
    if (found >= 0 && (at < 0 || found < at)) {
      at = found;
      len = term.length;
    }
  }
  if (at < 0) return null;
  // Folding can change lengths (ß -> ss); then the raw text's offsets differ slightly, which a snippet tolerates.
  const source = folded.length === text.length ? text : folded;
  const from = Math.max(0, at - SNIPPET_RADIUS);
  const to = Math.min(source.length, at + len + SNIPPET_RADIUS);
  const body = source.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < source.length ? '…' : ''}`;
}

/**
 * The page that answers the query best, the first of equals; -1 when none holds any word. A page holding a phrase
 * of the query beats every page that does not; then each word counts with the quality of the best of its
 * expansions the page holds (exact 1 above prefix and typo matches). So a hit on page 1999 is reported there, not
 * on page 109 where only a near miss of the word (or the phrase's words apart) stands.
 */
export function bestPage(pages: readonly string[], words: ReadonlyArray<readonly Expansion[]>, phrases: readonly string[] = []): number {
  const phraseWeight = words.length + 1;
  const ceiling = phrases.length * phraseWeight + words.length;
  let best = -1;
  let bestScore = 0;
  for (let p = 0; p < pages.length && bestScore < ceiling; p++) {
    const folded = foldText(pages[p] as string);
    let score = 0;
    if (phrases.length > 0) {
      const normal = ` ${normalizeText(pages[p] as string)} `;
      for (const phrase of phrases) if (normal.includes(` ${phrase} `)) score += phraseWeight;
    }
    for (const expansions of words) {
      let q = 0;
      for (const e of expansions) if (e.quality > q && holdsTerm(folded, e.term)) q = e.quality;
      score += q;
    }
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Where a snippet was taken from. */
export type SnippetSource = 'note' | 'annotation' | 'fulltext' | 'abstract';

/** The line to show for a hit whose words are not all in its headline fields, and where it comes from. */
export function snippetSource(doc: SearchDoc, words: readonly QueryWord[], index: SearchIndex): { snippet: string; page?: number; source: SnippetSource } | null {
  const headline = foldText(`${doc.title} ${doc.authors.join(' ')} ${doc.key} ${doc.tags.join(' ')} ${doc.venue}`);
  const wanting = words.filter(({ word, field }) =>
    field === 'fulltext' || field === 'note' || field === 'annotation' || (field === null && !headline.includes(word)));
  if (wanting.length === 0) return null;
  const expanded = wanting.map(({ word }) => index.expand(word));
  const terms = expanded.flatMap((list) => list.map((e) => e.term));
  if (wanting.every((w) => w.field !== 'fulltext')) {
    const inNote = snippetAround(doc.note, terms);
    if (inNote) return { snippet: inNote, source: 'note' };
    const inAnnotation = snippetAround(doc.annotations.join(' · '), terms);
    if (inAnnotation) return { snippet: inAnnotation, source: 'annotation' };
  }
  const phrases = [...new Set(wanting.flatMap((w) => (w.phrase === undefined ? [] : [w.phrase])))];
  const page = bestPage(doc.pages, expanded, phrases);
  if (page >= 0) {
    // Centred on what the page holds best: the exact words when it has them, not a near miss earlier on the page.
    const folded = foldText(doc.pages[page] as string);
    const held = expanded.map((list) => list.filter((e) => holdsTerm(folded, e.term)).sort((a, b) => b.quality - a.quality)[0]?.term);
    const s = snippetAround(doc.pages[page] as string, held.filter((t): t is string => t !== undefined));
    if (s) return { snippet: s, page: page + 1, source: 'fulltext' };
  }
  if (wanting.every((w) => w.field === null)) {
    const inAbstract = snippetAround(doc.abstract, terms);
    if (inAbstract) return { snippet: inAbstract, source: 'abstract' };
  }
  return null;
}

/** The snippet and page of a hit, as the CLI and `search.query` give them. */
export function snippetOf(doc: SearchDoc, words: readonly QueryWord[], index: SearchIndex): { snippet?: string; page?: number } {
  const found = snippetSource(doc, words, index);
  if (!found) return {};
  return found.page === undefined ? { snippet: found.snippet } : { snippet: found.snippet, page: found.page };
}
