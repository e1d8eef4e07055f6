/**
 * One field's inverted lists. A term's postings are `[slot, frequency, slot, frequency, ...]`, slots ascending
 * (documents only ever get new, higher slots). Lists loaded from a saved index are typed-array views and become plain
 * arrays only when a document is added to them; `df` counts the live documents holding the term, kept as documents
 * come and go (never recounted from the list, which keeps dead slots until the index is compacted).
 */
export interface Posting {
  list: number[] | Uint32Array;
  df: number;
}

/** A field's postings as flat arrays: what is written to disk (slots renumbered 0..n-1, dead ones dropped). */
export interface FieldSnapshot {
  /** Terms in code-unit order. */
  terms: string[];
  /** `postings.subarray(offsets[i], offsets[i + 1])` is the list of `terms[i]`. */
  offsets: Uint32Array;
  postings: Uint32Array;
  /** Terms in each slot's field. */
  lengths: Uint32Array;
  totalLength: number;
}

export class FieldPostings {
  readonly postings = new Map<string, Posting>();
  lengths: number[] = [];
  totalLength = 0;

  /**
   * Indexes `terms` (the field's words, repeats kept) under `slot`, higher than any slot before. Terms the field had
   * never seen are pushed on `fresh`. One map look-up per word: the slot's entry is the last of the term's list.
   */
  add(slot: number, terms: readonly string[], fresh: string[]): void {
    this.lengths[slot] = terms.length;
    this.totalLength += terms.length;
    for (const term of terms) {
      const p = this.postings.get(term);
      if (!p) {
        this.postings.set(term, { list: [slot, 1], df: 1 });
        fresh.push(term);
        continue;
      }
      let list = p.list;
      const n = list.length;
      if (list[n - 2] === slot) {
        list[n - 1] = (list[n - 1] as number) + 1;
        continue;
      }
      if (!Array.isArray(list)) {
        list = Array.from(list);
        p.list = list;
      }
      list.push(slot, 1);
      p.df++;
    }
  }

  /** Forgets the slot's document for document frequencies and lengths (its list entries stay, as dead slots). */
  remove(slot: number, terms: readonly string[]): void {
    this.totalLength -= this.lengths[slot] ?? 0;
    this.lengths[slot] = 0;
    for (const term of new Set(terms)) {
      const p = this.postings.get(term);
      if (p) p.df = Math.max(0, p.df - 1);
    }
  }

  /** The live postings with slots renumbered by `renumber` (-1: dead), for `live` documents. */
  snapshot(renumber: Int32Array, live: number): FieldSnapshot {
    const terms: string[] = [];
    const offsets: number[] = [0];
    let total = 0;
    for (const p of this.postings.values()) total += p.list.length;
    const postings = new Uint32Array(total);
    let at = 0;
    for (const term of [...this.postings.keys()].sort()) {
      const list = (this.postings.get(term) as Posting).list;
      const start = at;
      for (let i = 0; i < list.length; i += 2) {
        const slot = renumber[list[i] as number] as number;
        if (slot < 0) continue;
        postings[at++] = slot;
        postings[at++] = list[i + 1] as number;
      }
      if (at === start) continue;
      terms.push(term);
      offsets.push(at);
    }
    const lengths = new Uint32Array(live);
    let totalLength = 0;
    for (let old = 0; old < renumber.length; old++) {
      const slot = renumber[old] as number;
      if (slot < 0) continue;
      lengths[slot] = this.lengths[old] ?? 0;
      totalLength += lengths[slot] as number;
    }
    return { terms, offsets: Uint32Array.from(offsets), postings: postings.slice(0, at), lengths, totalLength };
  }

  static restore(snap: FieldSnapshot): FieldPostings {
    const field = new FieldPostings();
    const { terms, offsets, postings } = snap;
    for (let i = 0; i < terms.length; i++) {
      const start = offsets[i] as number;
      const end = offsets[i + 1] as number;
      field.postings.set(terms[i] as string, { list: postings.subarray(start, end), df: (end - start) / 2 });
    }
    field.lengths = Array.from(snap.lengths);
    field.totalLength = snap.totalLength;
    return field;
  }
}
