import type { LibraryChangedEvent } from '../../../shared/api/event-types.ts';
import type { LibraryInfo } from '../../../shared/api/library-types.ts';
import type { LibraryCounts, TagCount } from '../../../shared/api/view-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import { getFolio } from '../platform/index.ts';
import { findRow, patchPages } from './logic/row-pages.ts';
import { isSearching } from './view-slice.ts';
import { pruneSelection } from './logic/selection.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface ViewCounts {
  all: number;
  unfiled: number;
  trash: number;
}

export interface LibrarySlice {
  info: LibraryInfo | null;
  loaded: boolean;
  loadError: string | null;
  tags: TagCount[];
  counts: ViewCounts;
  loadInfo(): Promise<void>;
  /** Asks the service again for the counts and the rows on screen. */
  reloadRows(): Promise<void>;
  /** After an action on these rows: the table asks again for what it shows (coalesced with the change event's). */
  refreshRows(ids: readonly ItemId[]): void;
  /**
   * Applies rows the window already has (an edit's answer) and drops `removed`, without asking
   * the service again unless the order or the view's membership may have changed.
   */
  putRows(rows: readonly ItemRow[], removed: readonly ItemId[]): void;
  /** A library change from the host: applies the rows it carries, asks only for what it lacks. */
  applyLibraryChange(event: LibraryChangedEvent): void;
  /** A row the window holds (on screen or near it), or undefined. */
  knownRow(id: ItemId): ItemRow | undefined;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => {
  function setCounts(counts: LibraryCounts): void {
    set({ counts: { all: counts.all, unfiled: counts.unfiled, trash: counts.trash }, tags: counts.tags });
  }

  async function loadCounts(): Promise<void> {
    setCounts(await getFolio().view.counts());
  }

  return {
    info: null,
    loaded: false,
    loadError: null,
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
        await Promise.all([get().refreshView(), loadCounts()]);
        set({ loaded: true, loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error), loaded: true });
      }
    },

    refreshRows() {
      void get().refreshView().catch(() => undefined);
    },

    putRows(rows, removed) {
      if (rows.length === 0 && removed.length === 0) return;
      const { pages, orderMayChange } = patchPages(get().pages, rows, removed);
      const gone = new Set<string>(removed);
      set({
        pages,
        selection: removed.length > 0 ? pruneSelection(get().selection, (id) => !gone.has(id)) : get().selection,
      });
      if (orderMayChange) void get().refreshView().catch(() => undefined);
    },

    applyLibraryChange(event) {
      if (event.counts) setCounts(event.counts);
      else void loadCounts().catch(() => undefined);
      if (event.itemIds === 'all' || !event.rows) {
        void get().reloadRows();
        return;
      }
      const patched = patchPages(get().pages, event.rows, event.removedIds ?? []);
      const { pages } = patched;
      // A search's membership and rank depend on fields a row does not show (abstract, note, full text).
      const orderMayChange = patched.orderMayChange || (event.rows.length > 0 && (isSearching(get()) || get().view.startsWith('saved:')));
      const gone = new Set<string>(event.removedIds ?? []);
      set({
        pages,
        selection: gone.size > 0 ? pruneSelection(get().selection, (id) => !gone.has(id)) : get().selection,
        // The patched pages are the answer at the new revision: later page loads match it.
        ...(!orderMayChange && event.revision !== undefined ? { viewRevision: event.revision } : {}),
      });
      if (orderMayChange) void get().refreshView().catch(() => undefined);
    },

    knownRow(id) {
      return findRow(get().pages, id)?.row;
    },
  };
};
