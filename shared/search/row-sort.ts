import type { SortColumn } from '../api/api-types.ts';
import type { ItemRow } from '../model/item.ts';
import { foldText } from './fold-text.ts';

export interface RowSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

interface SortKeys {
  title: string;
  authors: string;
  venue: string;
  key: string;
}

// Rows are immutable, so their folded sort keys are computed once per row object.
const keyCache = new WeakMap<ItemRow, SortKeys>();
// Leading quotes, brackets and braces ("{BERT}: ...", "'Attention'") should not decide the order.
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}]+/u;

function sortKeys(row: ItemRow): SortKeys {
  let keys = keyCache.get(row);
  if (keys === undefined) {
    keys = {
      title: foldText(row.title).replace(LEADING_PUNCTUATION, ''),
      authors: foldText(row.authors).replace(LEADING_PUNCTUATION, ''),
      venue: foldText(row.venue).replace(LEADING_PUNCTUATION, ''),
      key: row.key.toLowerCase(),
    };
    keyCache.set(row, keys);
  }
  return keys;
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Empty values go last in both directions: a blank venue is never "first". */
function cmpPrimary(a: ItemRow, b: ItemRow, column: SortColumn, dir: number): number {
  if (column === 'year') {
    if (a.year === b.year) return 0;
    if (a.year === null) return 1;
    if (b.year === null) return -1;
    return (a.year - b.year) * dir;
  }
  if (column === 'addedAt') return cmpStr(a.addedAt, b.addedAt) * dir;
  const ka = sortKeys(a)[column];
  const kb = sortKeys(b)[column];
  if (ka === kb) return 0;
  if (ka === '') return 1;
  if (kb === '') return -1;
  return cmpStr(ka, kb) * dir;
}

/** A total order: ties fall back to title, then id, so the order never depends on input order. */
export function rowComparator(sort: RowSort): (a: ItemRow, b: ItemRow) => number {
  const dir = sort.direction === 'asc' ? 1 : -1;
  return (a, b) =>
    cmpPrimary(a, b, sort.column, dir) ||
    (sort.column === 'title' ? 0 : cmpStr(sortKeys(a).title, sortKeys(b).title)) ||
    cmpStr(a.id, b.id);
}

export function sortRows(rows: readonly ItemRow[], sort: RowSort): ItemRow[] {
  return rows.slice().sort(rowComparator(sort));
}

/**
 * Applies a small change to an already sorted list without a full sort:
 * drops the rows whose ids are in `removedIds`, then inserts `added` by
 * binary search. O(n + k log n) instead of O(n log n) for every edit.
 */
export function updateSorted(sorted: readonly ItemRow[], removedIds: ReadonlySet<string>, added: readonly ItemRow[], sort: RowSort): ItemRow[] {
  const cmp = rowComparator(sort);
  const out = removedIds.size > 0 ? sorted.filter((r) => !removedIds.has(r.id)) : sorted.slice();
  for (const row of added) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(out[mid] as ItemRow, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, row);
  }
  return out;
}
