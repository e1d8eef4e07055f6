import type { ItemRow } from '../model/item.ts';
import { foldText, queryTerms } from './fold-text.ts';

/**
 * The table's type-ahead filter. Budget: under one frame (16 ms) per
 * keystroke at 50,000 rows, so the haystacks are built once per row object
 * and a query that narrows the previous one only re-checks its matches.
 */
export interface QuickFilter {
  /**
   * Rows whose title, authors, year or citation key contain every
   * whitespace-separated term of `query` (case- and accent-insensitive),
   * in input order. An empty query returns every row.
   */
  filter(query: string): ItemRow[];
  /**
   * Prepares the search index in slices: works until `stop()` says so and
   * returns true once everything is ready. Optional: filter() finishes the job.
   */
  warm(stop: () => boolean): boolean;
}

interface Haystack {
  text: string;
  /** Which letters/digits occur in `text` (see charMask): a one-integer pre-check before `includes`. */
  mask: number;
}

// Rows are immutable (a changed item is a new row object), so a haystack
// computed once stays valid for the row's lifetime and survives rebuilds.
const haystackCache = new WeakMap<ItemRow, Haystack>();

/**
 * Bit i set when letter a+i occurs (bits 0-25); digits share bits 26-31.
 * A row lacking any letter of a term cannot match it, and for a one-letter
 * term the mask is the whole answer, so the first keystroke (which must look
 * at every row) costs one AND per row instead of a substring search.
 */
function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 6));
  }
  return mask;
}

const isLetter = (term: string): boolean => term.length === 1 && term >= 'a' && term <= 'z';

function haystackOf(row: ItemRow): Haystack {
  let hay = haystackCache.get(row);
  if (hay === undefined) {
    const text = foldText(`${row.title}\u0001${row.authors}\u0001${row.year ?? ''}\u0001${row.key}`);
    hay = { text, mask: charMask(text) };
    haystackCache.set(row, hay);
  }
  return hay;
}

/** The folded text a row is matched against. Fields are joined by a separator no term can contain. */
export function rowHaystack(row: ItemRow): string {
  return haystackOf(row).text;
}

/** True when every row matching `next` also matches `prev`: each previous term sits inside some new term. */
function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((p) => next.some((n) => n.includes(p)));
}

export function createQuickFilter(rows: readonly ItemRow[]): QuickFilter {
  const haystacks = new Array<string>(rows.length);
  const masks = new Int32Array(rows.length);
  // Haystacks are built lazily: the table shows rows before any are folded,
  // warm() folds them in idle time, and the first query folds whatever is left.
  let built = 0;
  const buildUntil = (stop: () => boolean): boolean => {
    while (built < rows.length) {
      const hay = haystackOf(rows[built] as ItemRow);
      haystacks[built] = hay.text;
      masks[built] = hay.mask;
      built++;
      if ((built & 255) === 0 && stop()) return false;
    }
    return true;
  };
  let prevTerms: string[] = [];
  // Indices into `rows` that matched prevTerms; null means "all rows".
  let prevMatches: Int32Array | null = null;
  let prevResult: ItemRow[] | null = null;

  return {
    filter(query: string): ItemRow[] {
      const terms = queryTerms(query);
      if (prevResult && terms.length === prevTerms.length && terms.every((t, i) => t === prevTerms[i])) return prevResult;
      if (terms.length === 0) {
        prevTerms = [];
        prevMatches = null;
        prevResult = rows.slice();
        return prevResult;
      }
      // Longer terms are usually more selective: test them first. One-letter
      // terms are fully decided by the mask and need no substring search.
      buildUntil(() => false);
      const ordered = terms.filter((t) => !isLetter(t)).sort((a, b) => b.length - a.length);
      const need = charMask(terms.join(''));
      const candidates = prevMatches && narrows(prevTerms, terms) ? prevMatches : null;
      const count = candidates ? candidates.length : rows.length;
      const matches = new Int32Array(count);
      let found = 0;
      for (let c = 0; c < count; c++) {
        const i = candidates ? (candidates[c] as number) : c;
        if (((masks[i] as number) & need) !== need) continue;
        const hay = haystacks[i] as string;
        let ok = true;
        for (let t = 0; t < ordered.length; t++) {
          if (!hay.includes(ordered[t] as string)) { ok = false; break; }
        }
        if (ok) matches[found++] = i;
      }
      prevTerms = terms;
      prevMatches = matches.subarray(0, found);
      const result = new Array<ItemRow>(found);
      for (let k = 0; k < found; k++) result[k] = rows[prevMatches[k] as number] as ItemRow;
      prevResult = result;
      return result;
    },
    warm(stop: () => boolean): boolean {
      return buildUntil(stop);
    },
  };
}
