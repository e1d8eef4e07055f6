import { FieldPostings, type FieldSnapshot } from './field-postings.ts';
import { editDistanceWithin, typoBudget } from './fuzzy.ts';
import { DOC_TEXT_FIELDS, fieldText, type DocTextField, type SearchDoc } from './search-doc.ts';
import { termsOf } from './tokenize.ts';
import { lowerBound, Vocabulary } from './vocabulary.ts';
import type { ItemId } from '../../model/ids.ts';

/** The whole index as plain data and flat arrays, live documents only, in slot order: what is saved to disk. */
export interface IndexSnapshot {
  docs: SearchDoc[];
  fields: Record<DocTextField, FieldSnapshot>;
}

/** How well an index term matches what was typed: exact above prefix above typo. */
export interface Expansion {
  term: string;
  quality: number;
}

const QUALITY = { exact: 1, prefix: 0.7, typo1: 0.45, typo2: 0.3 } as const;
/** A one-letter word is a prefix too (the user is typing it), bounded by MAX_LETTER_SCAN. */
const MIN_PREFIX = 1;
/**
 * Vocabulary terms a prefix may reach before the ones most documents hold are chosen (MAX_SCORED_PREFIX). From two
 * letters on, the choice is made among (nearly) all of them: the first 300 alphabetically left the common words out
 * of a prefix that begins thousands (one whose first 300 end before "con…" never reached "convolutional"). A lone
 * letter, which only looks in the headline fields while a word is being typed, keeps the short scan: choosing among
 * the tens of thousands of terms it can begin costs 20-50 ms per keystroke after every change of the vocabulary.
 */
const MAX_PREFIX_SCAN = 50_000;
const MAX_LETTER_SCAN = 300;
const MAX_TYPO_TERMS = 60;
const MAX_SCORED_PREFIX = 64;
const MAX_SCORED_TYPOS = 12;
const K1 = 1.2;
const B = 0.75;

/** Scores per slot: NO_MATCH where a document does not match, else its score (0 for a pure filter). */
export type Scores = Float64Array;
export const NO_MATCH = -1;

/**
 * An in-memory inverted index over SearchDocs, one posting list per field, updated item by item. It is
 * derived data: built from the library (and the full-text cache) and thrown away freely.
 */
/** Okapi BM25 of a term seen `tf` times in a field of `length` tokens (average `avg`), with its `idf`. */
function bm25Term(idf: number, tf: number, length: number, avg: number): number {
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avg));
}

export class SearchIndex {
  private readonly docs: Array<SearchDoc | null> = [];
  private readonly slotById = new Map<ItemId, number>();
  private readonly fields = new Map<DocTextField, FieldPostings>();
  private readonly vocab = new Vocabulary(() => [...this.fields.values()].map((f) => f.postings.keys()));
  private readonly expansions = new Map<string, Expansion[]>();
  private live = 0;
  private changes = 0;
  private authorsAtMost = 0;
  /** Scratch for put(): the words of one field, and terms new to a field. */
  private readonly words: string[] = [];
  private readonly fresh: string[] = [];

  constructor(docs: Iterable<SearchDoc> = []) {
    for (const f of DOC_TEXT_FIELDS) this.fields.set(f, new FieldPostings());
    for (const doc of docs) this.put(doc);
  }

  /** An index holding exactly what `snapshot()` gave: no document is tokenised again. */
  static fromSnapshot(snap: IndexSnapshot): SearchIndex {
    const index = new SearchIndex();
    for (const f of DOC_TEXT_FIELDS) index.fields.set(f, FieldPostings.restore(snap.fields[f]));
    for (const doc of snap.docs) {
      index.slotById.set(doc.id, index.docs.length);
      index.docs.push(doc);
      index.authorsAtMost = Math.max(index.authorsAtMost, doc.authors.length);
    }
    index.live = snap.docs.length;
    return index;
  }

  /** The live documents and their postings, renumbered 0..n-1 (dead slots dropped). */
  snapshot(): IndexSnapshot {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: SearchDoc[] = [];
    for (let slot = 0; slot < this.docs.length; slot++) {
      const doc = this.docs[slot];
      if (!doc) continue;
      renumber[slot] = docs.length;
      docs.push(doc);
    }
    const fields = {} as Record<DocTextField, FieldSnapshot>;
    for (const [f, postings] of this.fields) fields[f] = postings.snapshot(renumber, docs.length);
    return { docs, fields };
  }

  get size(): number {
    return this.live;
  }

  /** No document has more authors than this (it is never lowered when one goes: a bound, for related items). */
  get mostAuthors(): number {
    return this.authorsAtMost;
  }

  /** Changes with every document put or removed: what is derived from the index is keyed by it. */
  get version(): number {
    return this.changes;
  }

  /** Length of a Scores array for this index: every slot, dead ones included. */
  get capacity(): number {
    return this.docs.length;
  }

  /** A Scores array with nothing matched yet. */
  emptyScores(): Scores {
    return new Float64Array(this.docs.length).fill(NO_MATCH);
  }

  /** Adds or replaces the item's document. */
  put(doc: SearchDoc): void {
    this.remove(doc.id);
    this.changes++;
    this.authorsAtMost = Math.max(this.authorsAtMost, doc.authors.length);
    const slot = this.docs.length;
    this.docs.push(doc);
    this.slotById.set(doc.id, slot);
    this.live++;
    const { words, fresh } = this;
    fresh.length = 0;
    for (const [field, postings] of this.fields) {
      words.length = 0;
      termsOf(fieldText(doc, field), words);
      postings.add(slot, words, fresh);
    }
    if (fresh.length > 0) {
      this.vocab.note(fresh);
      this.expansions.clear();
    }
    if (this.docs.length > 1024 && this.live < this.docs.length / 2) this.compact();
  }

  remove(id: ItemId): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.changes++;
    this.slotById.delete(id);
    const doc = this.docs[slot] as SearchDoc;
    this.docs[slot] = null;
    this.live--;
    for (const [field, postings] of this.fields) postings.remove(slot, termsOf(fieldText(doc, field)));
  }

  doc(slot: number): SearchDoc | null {
    return this.docs[slot] ?? null;
  }

  slotOf(id: ItemId): number | undefined {
    return this.slotById.get(id);
  }

  /** Every live slot, in insertion order. */
  *slots(): Iterable<number> {
    for (let s = 0; s < this.docs.length; s++) if (this.docs[s]) yield s;
  }

  /** Index terms that match a typed word: itself, words it begins, and words within its typo budget. */
  expand(word: string, allowFuzzy = true): Expansion[] {
    const cacheKey = `${allowFuzzy ? '~' : '='}${word}`;
    const cached = this.expansions.get(cacheKey);
    if (cached) return cached;
    const vocab = this.vocab.terms();
    const out = new Map<string, number>();
    const first = lowerBound(vocab, word);
    if (vocab[first] === word) out.set(word, QUALITY.exact);
    if (allowFuzzy && word.length >= MIN_PREFIX) {
      const scan = word.length === 1 ? MAX_LETTER_SCAN : MAX_PREFIX_SCAN;
      for (let i = first, n = 0; i < vocab.length && n < scan && (vocab[i] as string).startsWith(word); i++, n++) {
        if (!out.has(vocab[i] as string)) out.set(vocab[i] as string, QUALITY.prefix);
      }
    }
    const budget = allowFuzzy ? typoBudget(word) : 0;
    if (budget > 0) this.addTypos(word, budget, vocab, out);
    const list = this.capped([...out].map(([term, quality]) => ({ term, quality })));
    this.expansions.set(cacheKey, list);
    return list;
  }

  /**
   * At most MAX_SCORED_PREFIX prefix and MAX_SCORED_TYPOS typo expansions are scored: the exact term, then the ones
   * most documents hold (one typo before two). A two-letter prefix or a common misspelling otherwise scores hundreds
   * of posting lists per keystroke, for matches ranked below a page of better ones anyway.
   */
  private capped(list: Expansion[]): Expansion[] {
    const prefixes = list.filter((e) => e.quality === QUALITY.prefix);
    const typos = list.filter((e) => e.quality < QUALITY.prefix);
    if (prefixes.length <= MAX_SCORED_PREFIX && typos.length <= MAX_SCORED_TYPOS) return list;
    const reach = new Map(list.map((e) => [e.term, this.reach(e.term)]));
    const byUse = (a: Expansion, b: Expansion) => b.quality - a.quality || (reach.get(b.term) as number) - (reach.get(a.term) as number) || (a.term < b.term ? -1 : 1);
    return [
      ...list.filter((e) => e.quality === QUALITY.exact),
      ...prefixes.sort(byUse).slice(0, MAX_SCORED_PREFIX),
      ...typos.sort(byUse).slice(0, MAX_SCORED_TYPOS),
    ];
  }

  /** How many documents hold the term in any field, counted with repeats: its postings' total length. */
  private reach(term: string): number {
    let n = 0;
    for (const field of this.fields.values()) n += (field.postings.get(term)?.list.length ?? 0) / 2;
    return n;
  }

  /**
   * Typo candidates share the first letter (or the first two swapped), which keeps the scan to a slice of the
   * vocabulary; a typo in the very first letter is the rare one.
   */
  private addTypos(word: string, budget: number, vocab: readonly string[], out: Map<string, number>): void {
    const heads = new Set([word[0] as string, word.length > 1 ? (word[1] as string) : '']);
    let found = 0;
    for (const head of heads) {
      if (!head) continue;
      for (let i = lowerBound(vocab, head); i < vocab.length && (vocab[i] as string).startsWith(head) && found < MAX_TYPO_TERMS; i++) {
        const term = vocab[i] as string;
        if (out.has(term) || Math.abs(term.length - word.length) > budget) continue;
        if (head !== word[0] && !(term[1] === word[0])) continue;
        if (editDistanceWithin(word, term, 1)) {
          out.set(term, QUALITY.typo1);
          found++;
        } else if (budget > 1 && editDistanceWithin(word, term, 2)) {
          out.set(term, QUALITY.typo2);
          found++;
        }
      }
    }
  }

  /**
   * BM25 of one index term in one field, times `weight`, into `acc`: each slot keeps the best score it is given
   * (several expansions of one typed word do not add up).
   */
  scoreTermInto(field: DocTextField, term: string, weight: number, acc: Scores, blendedDf?: number): void {
    const p = this.bm25(field, term, blendedDf);
    if (!p) return;
    const { list, idf, avg, lengths } = p;
    for (let i = 0; i < list.length; i += 2) {
      const slot = list[i] as number;
      if (!this.docs[slot]) continue;
      const tf = list[i + 1] as number;
      const s = bm25Term(idf, tf, lengths[slot] ?? 0, avg) * weight;
      if (s > (acc[slot] as number)) acc[slot] = s;
    }
  }

  /**
   * As scoreTermInto, into `best` that starts at 0 for every slot, pushing each slot scored for the first time on
   * `touched`: a caller then visits the slots the term reached, not the whole library (related items).
   */
  scoreTermTouching(field: DocTextField, term: string, weight: number, best: Float64Array, touched: number[]): void {
    const p = this.bm25(field, term);
    if (!p) return;
    const { list, idf, avg, lengths } = p;
    for (let i = 0; i < list.length; i += 2) {
      const slot = list[i] as number;
      if (!this.docs[slot]) continue;
      const tf = list[i + 1] as number;
      const s = bm25Term(idf, tf, lengths[slot] ?? 0, avg) * weight;
      const was = best[slot] as number;
      if (was === 0) touched.push(slot);
      if (s > was) best[slot] = s;
    }
  }

  /** How many postings the term has in the field (dead slots included): what scoring it costs. */
  postingsLength(field: DocTextField, term: string): number {
    return ((this.fields.get(field) as FieldPostings).postings.get(term)?.list.length ?? 0) / 2;
  }

  private bm25(field: DocTextField, term: string, blendedDf?: number): { list: ArrayLike<number>; idf: number; avg: number; lengths: number[] } | null {
    const index = this.fields.get(field) as FieldPostings;
    const posting = index.postings.get(term);
    if (!posting) return null;
    const list = posting.list;
    // The expansions of one typed word share one document frequency (the largest of theirs), as Lucene's fuzzy
    // queries blend it: a rare misspelling in the library must not outweigh the common word the user meant.
    const df = Math.max(posting.df, blendedDf ?? 0);
    if (df === 0) return null;
    const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
    const avg = this.live > 0 ? Math.max(1, index.totalLength / this.live) : 1;
    return { list, idf, avg, lengths: index.lengths };
  }

  /** Whether the slot's field holds the term: a binary search of the term's postings (slots ascend). */
  fieldHas(field: DocTextField, term: string, slot: number): boolean {
    const list = (this.fields.get(field) as FieldPostings).postings.get(term)?.list;
    if (!list) return false;
    let lo = 0;
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = list[mid * 2] as number;
      if (at === slot) return true;
      if (at < slot) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  /** How many live documents hold the term in the field. */
  documentFrequency(field: DocTextField, term: string): number {
    return (this.fields.get(field) as FieldPostings).postings.get(term)?.df ?? 0;
  }

  /** Drops dead slots, once more than half of them are. */
  private compact(): void {
    const docs = this.docs.filter((d): d is SearchDoc => d !== null);
    this.docs.length = 0;
    this.slotById.clear();
    this.live = 0;
    for (const f of DOC_TEXT_FIELDS) this.fields.set(f, new FieldPostings());
    this.vocab.reset();
    this.expansions.clear();
    for (const doc of docs) this.put(doc);
  }
}
