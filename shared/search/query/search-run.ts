import type { ItemId } from '../../model/ids.ts';
import { foldText } from '../fold-text.ts';
import { NO_MATCH, type SearchIndex } from '../index/search-index.ts';
import type { SearchDoc } from '../index/search-doc.ts';
import type { QueryError, QueryNode } from './query-ast.ts';
import { QueryEvaluator, type EvalContext } from './query-eval.ts';
import { parseQuery } from './query-parser.ts';

export interface SearchHit {
  id: ItemId;
  key: string;
  title: string;
  score: number;
  /** One line around a note, annotation or full-text match. */
  snippet?: string;
  /** 1-based page of a full-text snippet. */
  page?: number;
}

export type SearchOutcome =
  | { ok: true; hits: SearchHit[]; total: number; highlightTerms: string[] }
  | { ok: false; error: QueryError };

export interface SearchOptions {
  limit?: number;
  now?: number;
  /** Which documents are searched at all; by default every one not in the trash (unless the query asks for is:trashed). */
  scope?: (doc: SearchDoc) => boolean;
}

const SNIPPET_RADIUS = 60;

function mentionsTrash(node: QueryNode): boolean {
  switch (node.kind) {
    case 'is': return node.value === 'trashed';
    case 'and': case 'or': return node.children.some(mentionsTrash);
    case 'not': return mentionsTrash(node.child);
    default: return false;
  }
}

/** Text words of the query (not under a NOT), with the field each is restricted to. */
export function positiveWords(node: QueryNode, out: Array<{ word: string; field: string | null }> = []): typeof out {
  if (node.kind === 'text') for (const word of node.words) out.push({ word, field: node.field });
  else if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) positiveWords(c, out);
  return out;
}

/** The first match of any term in `text`, as one line: "…scaled dot-product attention…". */
export function snippetAround(text: string, terms: readonly string[]): string | null {
  const folded = foldText(text);
  let at = -1;
  let len = 0;
  for (const term of terms) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    const m = re.exec(folded);
    if (m && (at < 0 || m.index + (m[1] as string).length < at)) {
      at = m.index + (m[1] as string).length;
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

/** Whether a folded text holds a term at the start of a word. */
function holdsTerm(folded: string, term: string): boolean {
  for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1] as string)) return true;
  }
  return false;
}

/**
 * The page that holds the most of the words (each word matched by any of its expansions), the first of equals; -1
 * when none holds any. "quokas landscape" shows the page where both are, not the title page that names a landscape.
 */
function bestPage(pages: readonly string[], words: ReadonlyArray<readonly string[]>): number {
  let best = -1;
  let bestCount = 0;
  for (let p = 0; p < pages.length && bestCount < words.length; p++) {
    const folded = foldText(pages[p] as string);
    let count = 0;
    for (const expansions of words) if (expansions.some((t) => holdsTerm(folded, t))) count++;
    if (count > bestCount) {
      best = p;
      bestCount = count;
    }
  }
  return best;
}

/** Where a snippet was taken from. */
export type SnippetSource = 'note' | 'annotation' | 'fulltext' | 'abstract';

/** The line to show for a hit whose words are not all in its headline fields, and where it comes from. */
export function snippetSource(doc: SearchDoc, words: Array<{ word: string; field: string | null }>, index: SearchIndex): { snippet: string; page?: number; source: SnippetSource } | null {
  const headline = foldText(`${doc.title} ${doc.authors.join(' ')} ${doc.key} ${doc.tags.join(' ')} ${doc.venue}`);
  const wanting = words.filter(({ word, field }) =>
    field === 'fulltext' || field === 'note' || field === 'annotation' || (field === null && !headline.includes(word)));
  if (wanting.length === 0) return null;
  const terms = wanting.flatMap(({ word }) => index.expand(word).map((e) => e.term));
  if (wanting.every((w) => w.field !== 'fulltext')) {
    const inNote = snippetAround(doc.note, terms);
    if (inNote) return { snippet: inNote, source: 'note' };
    const inAnnotation = snippetAround(doc.annotations.join(' · '), terms);
    if (inAnnotation) return { snippet: inAnnotation, source: 'annotation' };
  }
  const page = bestPage(doc.pages, wanting.map(({ word }) => index.expand(word).map((e) => e.term)));
  if (page >= 0) {
    const s = snippetAround(doc.pages[page] as string, terms);
    if (s) return { snippet: s, page: page + 1, source: 'fulltext' };
  }
  if (wanting.every((w) => w.field === null)) {
    const inAbstract = snippetAround(doc.abstract, terms);
    if (inAbstract) return { snippet: inAbstract, source: 'abstract' };
  }
  return null;
}

export function snippetOf(doc: SearchDoc, words: Array<{ word: string; field: string | null }>, index: SearchIndex): Pick<SearchHit, 'snippet' | 'page'> {
  const found = snippetSource(doc, words, index);
  if (!found) return {};
  return found.page === undefined ? { snippet: found.snippet } : { snippet: found.snippet, page: found.page };
}

const SLOT_BITS = 2 ** 22;

/**
 * Matching slots, best first; equal scores keep library order (stable from keystroke to keystroke). Scores are
 * packed with their slot into one number and sorted natively: at 50k matches that is a few milliseconds, where a
 * comparator sort takes tens.
 */
export function rankSlots(matches: Float64Array, keep: (slot: number) => boolean): number[] {
  const keys = new Float64Array(matches.length);
  let n = 0;
  for (let slot = 0; slot < matches.length; slot++) {
    if (matches[slot] === NO_MATCH || !keep(slot)) continue;
    keys[n++] = -Math.round((matches[slot] as number) * 1e4) * SLOT_BITS + slot;
  }
  const sorted = keys.subarray(0, n).sort();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (((sorted[i] as number) % SLOT_BITS) + SLOT_BITS) % SLOT_BITS;
  return out;
}

export type RankOutcome =
  | { ok: true; ids: ItemId[]; scores: number[]; total: number }
  | { ok: false; error: QueryError };

interface Ranked {
  ok: true;
  query: QueryNode;
  matches: Float64Array;
  slots: number[];
}

function rank(index: SearchIndex, ctx: EvalContext, query: string, options: SearchOptions): Ranked | { ok: false; error: QueryError } {
  const parsed = parseQuery(query, options.now ?? Date.now());
  if (!parsed.ok) return parsed;
  const matches = new QueryEvaluator(index, ctx).evaluate(parsed.query);
  const scope = options.scope ?? (mentionsTrash(parsed.query) ? () => true : (doc: SearchDoc) => !doc.trashed);
  const slots = rankSlots(matches, (slot) => {
    const doc = index.doc(slot);
    return doc !== null && scope(doc);
  });
  return { ok: true, query: parsed.query, matches, slots };
}

/** Every matching id, best first, with its score: what the table orders by Relevance (no snippets, no hits). */
export function rankQuery(index: SearchIndex, ctx: EvalContext, query: string, options: SearchOptions = {}): RankOutcome {
  const ranked = rank(index, ctx, query, options);
  if (!ranked.ok) return ranked;
  const n = Math.min(ranked.slots.length, options.limit ?? ranked.slots.length);
  const ids = new Array<ItemId>(n);
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const slot = ranked.slots[i] as number;
    ids[i] = (index.doc(slot) as SearchDoc).id;
    scores[i] = Math.round((ranked.matches[slot] as number) * 1000) / 1000;
  }
  return { ok: true, ids, scores, total: ranked.slots.length };
}

/** Parses, evaluates and ranks: best first, ties by library order. Never throws for a bad query. */
export function runSearch(index: SearchIndex, ctx: EvalContext, query: string, options: SearchOptions = {}): SearchOutcome {
  const ranked = rank(index, ctx, query, options);
  if (!ranked.ok) return ranked;
  const { matches, slots } = ranked;
  const words = positiveWords(ranked.query);
  const limit = options.limit ?? slots.length;
  const hits = slots.slice(0, limit).map((slot) => {
    const doc = index.doc(slot) as SearchDoc;
    return { id: doc.id, key: doc.key, title: doc.title, score: Math.round((matches[slot] as number) * 1000) / 1000, ...snippetOf(doc, words, index) };
  });
  const highlightTerms = [...new Set(words.flatMap(({ word }) => index.expand(word).map((e) => e.term)))];
  return { ok: true, hits, total: slots.length, highlightTerms };
}
