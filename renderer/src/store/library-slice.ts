import type { LibraryInfo } from '../../../shared/api/library-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import { sortRows, updateSorted } from '../../../shared/search/row-sort.ts';
import { getFolio } from '../platform/index.ts';
import { pruneSelection } from './logic/selection.ts';
import { tagCounts, type TagCount } from './logic/tag-counts.ts';
import { viewCounts, type ViewCounts } from './logic/view-counts.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface LibrarySlice {
  info: LibraryInfo | null;
  loaded: boolean;
  loadError: string | null;
  rowsById: ReadonlyMap<ItemId, ItemRow>;
  /** Every row, trashed ones included, in the current sort order. */
  sortedRows: ItemRow[];
  tags: TagCount[];
  counts: ViewCounts;
  loadInfo(): Promise<void>;
  reloadRows(): Promise<void>;
  /** Re-reads the given rows; coalesces calls made in the same tick into one request. */
  refreshRows(ids: readonly ItemId[]): void;
  /** Replaces or adds `rows` and drops `removed` without re-sorting everything when the change is small. */
  putRows(rows: readonly ItemRow[], removed: readonly ItemId[]): void;
}

// Above this many changed rows a full sort is cheaper than binary insertion.
const INCREMENTAL_LIMIT = 500;
const FULL_RELOAD_ABOVE = 5_000;

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => {
  let pending = new Set<ItemId>();
  let scheduled = false;

  async function flushRefresh(): Promise<void> {
    scheduled = false;
    const ids = [...pending];
    pending = new Set();
    if (ids.length === 0) return;
    // After a big import one full reload is cheaper than asking for every id.
    if (ids.length > FULL_RELOAD_ABOVE) {
      await get().reloadRows();
      return;
    }
    try {
      const rows = await getFolio().library.rowsByIds(ids);
      const returned = new Set(rows.map((r) => r.id));
      // Ids the host no longer knows were purged (Empty trash).
      get().putRows(rows, ids.filter((id) => !returned.has(id)));
    } catch {
      await get().reloadRows();
    }
  }

  return {
    info: null,
    loaded: false,
    loadError: null,
    rowsById: new Map(),
    sortedRows: [],
    tags: [],
    counts: { all: 0, unfiled: 0, trash: 0 },

    async loadInfo() {
      try {
        const info = await getFolio().library.info();
        set({ info });
        get().setWriteError(info.lastWriteError);
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },

    async reloadRows() {
      try {
        const rows = await getFolio().library.listRows();
        const rowsById = new Map(rows.map((r) => [r.id, r]));
        set({
          rowsById,
          sortedRows: sortRows(rows, get().sort),
          tags: tagCounts(rows),
          counts: viewCounts(rows),
          loaded: true,
          loadError: null,
          selection: pruneSelection(get().selection, (id) => rowsById.has(id)),
        });
        get().recomputeVisible();
      } catch (error) {
        set({ loadError: errorMessage(error), loaded: true });
      }
    },

    refreshRows(ids) {
      for (const id of ids) pending.add(id);
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => void flushRefresh());
    },

    putRows(rows, removed) {
      if (rows.length === 0 && removed.length === 0) return;
      const { rowsById, sortedRows, sort } = get();
      const next = new Map(rowsById);
      const changedIds = new Set<string>(removed);
      for (const id of removed) next.delete(id);
      for (const row of rows) {
        if (rowsById.has(row.id)) changedIds.add(row.id);
        next.set(row.id, row);
      }
      const all = [...next.values()];
      const sorted = rows.length + changedIds.size <= INCREMENTAL_LIMIT
        ? updateSorted(sortedRows, changedIds, rows, sort)
        : sortRows(all, sort);
      set({
        rowsById: next,
        sortedRows: sorted,
        tags: tagCounts(all),
        counts: viewCounts(all),
        selection: removed.length > 0 ? pruneSelection(get().selection, (id) => next.has(id)) : get().selection,
      });
      get().recomputeVisible();
    },
  };
};
