import type { DocTextField } from './search-doc.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * A term's weight in every document that holds it, for related items: the best of its BM25 scores over the content
 * fields (each times the field's weight), as slots in the order first reached and their scores. It depends on the
 * term and the index only (not on the item asking), so the terms many items share — the ones with the longest posting
 * lists, which are what related items cost — are scored once and reused until the index changes. Derived data: any
 * put or remove (`SearchIndex.version`) drops them all.
 */
export interface TermImpact {
  slots: Uint32Array;
  scores: Float64Array;
}

/** About 24 MB of slots and scores at most; the least recently used terms go first. */
const MAX_CACHED_POSTINGS = 2_000_000;

interface Cache {
  version: number;
  terms: Map<string, TermImpact>;
  postings: number;
}

const caches = new WeakMap<SearchIndex, Cache>();

/**
 * The term's impact over `fields` (named by `kind` in the cache: one set of fields per kind). `best` is scratch of the
 * index's capacity, all zeros, and is left so; `touched` is scratch as well.
 */
export function termImpact(index: SearchIndex, kind: string, fields: ReadonlyArray<readonly [DocTextField, number]>, term: string, best: Float64Array, touched: number[]): TermImpact {
  let cache = caches.get(index);
  if (!cache || cache.version !== index.version) {
    cache = { version: index.version, terms: new Map(), postings: 0 };
    caches.set(index, cache);
  }
  const key = `${kind}\u0001${term}`;
  const known = cache.terms.get(key);
  if (known) {
    // Most recently used last: a Map keeps insertion order.
    cache.terms.delete(key);
    cache.terms.set(key, known);
    return known;
  }
  touched.length = 0;
  for (const [field, weight] of fields) index.scoreTermTouching(field, term, weight, best, touched);
  const slots = Uint32Array.from(touched);
  const scores = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as number;
    scores[i] = best[s] as number;
    best[s] = 0;
  }
  const impact = { slots, scores };
  cache.terms.set(key, impact);
  cache.postings += slots.length;
  for (const [old, dropped] of cache.terms) {
    if (cache.postings <= MAX_CACHED_POSTINGS) break;
    cache.terms.delete(old);
    cache.postings -= dropped.slots.length;
  }
  return impact;
}
