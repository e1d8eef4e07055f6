import type { ItemId } from '../../../../shared/model/ids.ts';
import type { ItemRow } from '../../../../shared/model/item.ts';

/** Rows per page of the window's row cache. */
export const PAGE_SIZE = 100;
/** At most this many pages are kept: the window holds a few thousand rows, never the library. */
export const MAX_PAGES = 40;

/** Page number -> its rows, for one query at one revision. */
export type RowPages = ReadonlyMap<number, readonly ItemRow[]>;

export function rowAt(pages: RowPages, index: number): ItemRow | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** The pages covering rows [start, end], within a table of `total` rows. */
export function pageSpan(start: number, end: number, total: number): [number, number] | null {
  if (total <= 0 || end < start) return null;
  const lo = Math.max(0, Math.min(start, total - 1));
  const hi = Math.max(0, Math.min(end, total - 1));
  return [Math.floor(lo / PAGE_SIZE), Math.floor(hi / PAGE_SIZE)];
}

/** Runs of pages in [first, last] that are neither cached nor asked for: each run is one request. */
export function missingRuns(pages: RowPages, loading: ReadonlySet<number>, first: number, last: number): [number, number][] {
  const runs: [number, number][] = [];
  for (let p = first; p <= last; p++) {
    if (pages.has(p) || loading.has(p)) continue;
    const run = runs[runs.length - 1];
    if (run && run[1] === p - 1) run[1] = p;
    else runs.push([p, p]);
  }
  return runs;
}

/** Splits rows that start at page `firstPage` into pages. */
export function toPages(firstPage: number, rows: readonly ItemRow[]): Map<number, ItemRow[]> {
  const out = new Map<number, ItemRow[]>();
  for (let i = 0; i < rows.length; i += PAGE_SIZE) out.set(firstPage + i / PAGE_SIZE, rows.slice(i, i + PAGE_SIZE));
  return out;
}

/** Adds `added` and drops the pages farthest from `center` beyond MAX_PAGES. */
export function mergePages(pages: RowPages, added: ReadonlyMap<number, ItemRow[]>, center: number): RowPages {
  const next = new Map(pages);
  for (const [p, rows] of added) next.set(p, rows);
  if (next.size <= MAX_PAGES) return next;
  const far = [...next.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
  for (const p of far.slice(0, next.size - MAX_PAGES)) next.delete(p);
  return next;
}

/** The cached row with this id, if any page holds it. */
export function findRow(pages: RowPages, id: ItemId): { row: ItemRow; index: number } | null {
  for (const [p, rows] of pages) {
    const i = rows.findIndex((r) => r.id === id);
    if (i >= 0) return { row: rows[i] as ItemRow, index: p * PAGE_SIZE + i };
  }
  return null;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when the two versions of a row sort, filter and fall into views alike. */
export function sameViewFields(a: ItemRow, b: ItemRow): boolean {
  return a.title === b.title && a.authors === b.authors && a.year === b.year && a.venue === b.venue && a.key === b.key &&
    a.addedAt === b.addedAt && a.trashed === b.trashed && sameList(a.tags, b.tags) && sameList(a.collections, b.collections);
}

export interface PatchResult {
  pages: RowPages;
  /** Some change may move rows in or out of the answer, or reorder it: ask the service again. */
  orderMayChange: boolean;
}

/**
 * Applies changed rows to the cache without asking the service. A row replaces its cached
 * version unless that one is newer (an edit's answer racing its own change event). A row the
 * cache does not hold, a removed id, or a changed sort/filter/view field means the order or
 * membership may have changed.
 */
export function patchPages(pages: RowPages, rows: readonly ItemRow[], removed: readonly ItemId[]): PatchResult {
  let orderMayChange = removed.length > 0;
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const seen = new Set<string>();
  let next: Map<number, readonly ItemRow[]> | null = null;
  for (const [p, pageRows] of pages) {
    let copy: ItemRow[] | null = null;
    pageRows.forEach((old, i) => {
      const row = byId.get(old.id);
      if (!row) return;
      seen.add(old.id);
      if (row.modifiedAt < old.modifiedAt) return;
      if (!sameViewFields(old, row)) orderMayChange = true;
      copy ??= pageRows.slice();
      copy[i] = row;
    });
    if (copy) (next ??= new Map(pages)).set(p, copy);
  }
  if (seen.size < byId.size) orderMayChange = true;
  return { pages: next ?? pages, orderMayChange };
}
