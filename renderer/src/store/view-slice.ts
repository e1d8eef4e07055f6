import type { SortColumn } from '../../../shared/api/ui-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import { sortRows, type RowSort } from '../../../shared/search/row-sort.ts';
import {
  clickSelection, EMPTY_SELECTION, moveCursor, selectAll, type ClickModifiers, type SelectionState,
} from './logic/selection.ts';
import { parseView, viewKey, type View } from './logic/view.ts';
import { createVisibleRowsPipeline } from './logic/visible-rows.ts';
import type { SliceCreator } from './store-types.ts';

export interface ViewSlice {
  /** Persisted form of the sidebar choice: 'all' | 'unfiled' | 'trash' | 'collection:<id>' | 'tag:<name>'. */
  view: string;
  sort: RowSort;
  filter: string;
  /** Rows in the view before the quick filter (for "12 of 340 items"). */
  inViewCount: number;
  /** What the table shows, in order. */
  visibleRows: ItemRow[];
  selection: SelectionState;
  setView(view: View): void;
  toggleSort(column: SortColumn): void;
  setSort(sort: RowSort): void;
  setFilter(filter: string): void;
  recomputeVisible(): void;
  clickRow(id: ItemId, mods: ClickModifiers): void;
  moveCursor(delta: number, extend: boolean): void;
  selectAllVisible(): void;
  selectIds(ids: readonly ItemId[]): void;
}

/** Columns whose natural first direction is newest/highest first. */
const DESCENDING_FIRST: ReadonlySet<SortColumn> = new Set(['year', 'addedAt']);

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => {
  const pipeline = createVisibleRowsPipeline();

  return {
    view: 'all',
    sort: { column: 'addedAt', direction: 'desc' },
    filter: '',
    inViewCount: 0,
    visibleRows: [],
    selection: EMPTY_SELECTION,

    setView(view) {
      const key = viewKey(view);
      if (key === get().view) return;
      set({ view: key, selection: EMPTY_SELECTION });
      get().recomputeVisible();
    },

    toggleSort(column) {
      const { sort } = get();
      const direction = sort.column === column
        ? (sort.direction === 'asc' ? 'desc' : 'asc')
        : (DESCENDING_FIRST.has(column) ? 'desc' : 'asc');
      get().setSort({ column, direction });
    },

    setSort(sort) {
      set({ sort, sortedRows: sortRows(get().sortedRows, sort) });
      get().recomputeVisible();
    },

    setFilter(filter) {
      set({ filter });
      get().recomputeVisible();
    },

    recomputeVisible() {
      const { sortedRows, view, filter } = get();
      const { inView, visible } = pipeline(sortedRows, parseView(view), filter);
      set({ visibleRows: visible, inViewCount: inView.length });
    },

    clickRow(id, mods) {
      set({ selection: clickSelection(get().selection, get().visibleRows, id, mods) });
    },

    moveCursor(delta, extend) {
      set({ selection: moveCursor(get().selection, get().visibleRows, delta, extend) });
    },

    selectAllVisible() {
      set({ selection: selectAll(get().visibleRows, get().selection) });
    },

    selectIds(ids) {
      const first = ids[0] ?? null;
      set({ selection: first === null ? EMPTY_SELECTION : { selected: new Set(ids), anchor: first, cursor: first } });
    },
  };
};
