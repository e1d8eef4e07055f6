import type { DedupeCandidate, DedupeOptions, DuplicatePair, DuplicateReason } from './dedupe-types.ts';
import { itemKeys, type ItemKeys } from './normalize.ts';

const CONFIDENCE = { doi: 0.99, arxiv: 0.98, sameYear: 0.9, bothUndated: 0.75, preprintYear: 0.8 } as const;
/** Folded titles shorter than this, or of one word, are too generic to match on: "Introduction", "Mamba". */
const MIN_TITLE_CHARS = 12;
/** Beyond this many items under one key, pairs are formed with the first only. */
const FULL_PAIRS_LIMIT = 64;

interface Keyed {
  id: string;
  index: number;
  keys: ItemKeys;
}

function titleMatchable(keys: ItemKeys): boolean {
  return keys.title.length >= MIN_TITLE_CHARS && keys.title.includes(' ') && keys.firstAuthor !== '';
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** Both items carry identifiers of a kind and none is shared: two different publications. */
function conflicting(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !overlaps(a, b);
}

function words(title: string): Set<string> {
  return new Set(title.split(' ').filter(Boolean));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Identical identifiers on papers with unrelated titles are a metadata error (a book DOI on its chapters), not a duplicate. */
function titlesUnrelated(a: ItemKeys, b: ItemKeys): boolean {
  const wa = words(a.title);
  const wb = words(b.title);
  return wa.size >= 3 && wb.size >= 3 && jaccard(wa, wb) < 0.2;
}

/** Why two items are the same paper, or null. Identifiers first; titles only when no identifier contradicts. */
function judge(a: ItemKeys, b: ItemKeys): { reason: DuplicateReason; confidence: number } | null {
  if (overlaps(a.dois, b.dois)) return titlesUnrelated(a, b) ? null : { reason: 'doi', confidence: CONFIDENCE.doi };
  if (conflicting(a.dois, b.dois)) return null;
  if (overlaps(a.arxivIds, b.arxivIds)) return titlesUnrelated(a, b) ? null : { reason: 'arxiv', confidence: CONFIDENCE.arxiv };
  if (conflicting(a.arxivIds, b.arxivIds)) return null;
  if (!titleMatchable(a) || a.title !== b.title || a.firstAuthor !== b.firstAuthor) return null;
  if (a.year === null || b.year === null) {
    return a.year === b.year ? { reason: 'title-year-author', confidence: CONFIDENCE.bothUndated } : null;
  }
  if (a.year === b.year) return { reason: 'title-year-author', confidence: CONFIDENCE.sameYear };
  // A preprint and its published version a year apart: same title, same first author.
  if (Math.abs(a.year - b.year) === 1 && (a.preprint || b.preprint)) return { reason: 'title-year-author', confidence: CONFIDENCE.preprintYear };
  return null;
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/** Calls `visit` with each bucket key: each identifier, and title + first author (year is checked in `judge`). */
function forEachBucketKey(keys: ItemKeys, visit: (key: string) => void): void {
  // arXiv ids and DOIs cannot collide: a DOI always starts `10.` and has a slash, an arXiv id never both.
  for (const doi of keys.dois) visit(doi);
  for (const arxiv of keys.arxivIds) visit(arxiv);
  if (titleMatchable(keys)) visit(`${keys.title}\u0001${keys.firstAuthor}`);
}

interface Found {
  pair: DuplicatePair;
  /** Input positions of a and b, for a stable output order. */
  order: [number, number];
}

class PairCollector {
  private readonly found = new Map<string, Found>();
  private readonly excluded: Set<string>;

  constructor(options: DedupeOptions | undefined) {
    this.excluded = new Set((options?.notDuplicates ?? []).map(([x, y]) => pairKey(x, y)));
  }

  consider(first: Keyed, second: Keyed, order: [number, number] = [first.index, second.index]): void {
    if (first.id === second.id) return;
    const key = pairKey(first.id, second.id);
    // The verdict depends only on the two items, so a pair met again in another bucket is settled.
    if (this.excluded.has(key) || this.found.has(key)) return;
    const verdict = judge(first.keys, second.keys);
    if (verdict) this.found.set(key, { pair: { a: first.id, b: second.id, ...verdict }, order });
  }

  /** Pairs sorted by the input position of a, then of b. */
  pairs(): DuplicatePair[] {
    return [...this.found.values()].sort((p, q) => p.order[0] - q.order[0] || p.order[1] - q.order[1]).map((f) => f.pair);
  }
}

function keyed(items: DedupeCandidate[]): Keyed[] {
  return items.map((item, index) => ({ id: item.id, index, keys: itemKeys(item.csl) }));
}

/** Bucket -> its items; a bucket of one is stored bare, since nearly all are. */
type Buckets = Map<string, Keyed | Keyed[]>;

function index(items: Keyed[]): Buckets {
  const buckets: Buckets = new Map();
  for (const item of items) {
    forEachBucketKey(item.keys, (key) => {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, item);
      else if (Array.isArray(bucket)) bucket.push(item);
      else buckets.set(key, [bucket, item]);
    });
  }
  return buckets;
}

function members(bucket: Keyed | Keyed[] | undefined): Keyed[] {
  return bucket === undefined ? [] : Array.isArray(bucket) ? bucket : [bucket];
}

/**
 * Pairs of candidates that are the same paper: same DOI, same arXiv id (from DOI, URL, note or
 * number), or same folded title and first author in the same year (a year apart when one is a
 * preprint). Items are bucketed by those keys, so the work grows with the number of items, not pairs.
 */
export function findDuplicates(items: DedupeCandidate[], options?: DedupeOptions): DuplicatePair[] {
  const all = keyed(items);
  const collector = new PairCollector(options);
  for (const bucket of index(all).values()) {
    if (!Array.isArray(bucket)) continue;
    const full = bucket.length <= FULL_PAIRS_LIMIT;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) collector.consider(bucket[i]!, bucket[j]!);
      if (!full) break;
    }
  }
  return collector.pairs();
}

/** For an import: each new item against the library. Pairs are `{ a: newId, b: existingId }`. */
export function findDuplicatesOf(newItems: DedupeCandidate[], existing: DedupeCandidate[], options?: DedupeOptions): DuplicatePair[] {
  const buckets = index(keyed(existing));
  const collector = new PairCollector(options);
  for (const item of keyed(newItems)) {
    const seen = new Set<Keyed>();
    forEachBucketKey(item.keys, (key) => {
      for (const other of members(buckets.get(key))) {
        if (seen.has(other)) continue;
        seen.add(other);
        collector.consider(item, other, [item.index, other.index]);
      }
    });
  }
  return collector.pairs();
}
