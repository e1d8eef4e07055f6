/** First index in `sorted` whose value is not below `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every index term once, sorted, for prefix and typo expansion. Terms new since it was last sorted are merged in
 * when next asked: an item's new words cost one pass over the vocabulary, not a sort of it.
 */
export class Vocabulary {
  private sorted: string[] | null = null;
  private fresh: string[] = [];
  private readonly source: () => Iterable<Iterable<string>>;

  /** `source` lists every field's terms, read when the whole vocabulary has to be made. */
  constructor(source: () => Iterable<Iterable<string>>) {
    this.source = source;
  }

  /** Terms a field had never seen, as they are indexed (kept only once the vocabulary exists). */
  note(terms: readonly string[]): void {
    if (this.sorted) for (const t of terms) this.fresh.push(t);
  }

  /** Made again from the fields when next asked. */
  reset(): void {
    this.sorted = null;
    this.fresh = [];
  }

  terms(): readonly string[] {
    if (!this.sorted) {
      const all = new Set<string>();
      for (const terms of this.source()) for (const term of terms) all.add(term);
      this.sorted = [...all].sort();
      this.fresh = [];
    } else if (this.fresh.length > 0) {
      const vocab = this.sorted;
      const added = [...new Set(this.fresh)].filter((t) => vocab[lowerBound(vocab, t)] !== t).sort();
      this.fresh = [];
      const merged = new Array<string>(vocab.length + added.length);
      let i = 0;
      let j = 0;
      for (let k = 0; k < merged.length; k++) merged[k] = j >= added.length || (i < vocab.length && (vocab[i] as string) < (added[j] as string)) ? vocab[i++] as string : added[j++] as string;
      this.sorted = merged;
    }
    return this.sorted;
  }
}
