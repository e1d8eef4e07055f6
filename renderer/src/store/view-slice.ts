import type { SortColumn } from '../../../shared/api/ui-types.ts';
import type { RowMatch, ViewQuery, ViewSort } from '../../../shared/api/view-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import type { RowSort } from '../../../shared/search/row-sort.ts';
import { RELEVANCE } from '../../../shared/search/view-engine.ts';
import { getFolio } from '../platform/index.ts';
import { mergePages, missingRuns, PAGE_SIZE, pageSpan, rowAt, toPages, type RowPages } from './logic/row-pages.ts';
import {
  EMPTY_SELECTION, rangeSelection, selectAll, selectOnly, toggleSelection, type ClickModifiers, type SelectionState,
} from './logic/selection.ts';
import { viewKey, type View } from './logic/view.ts';
import type { SliceCreator } from './store-types.ts';

export interface ViewSlice {
  /** Persisted form of the sidebar choice: 'all' | 'unfiled' | 'trash' | 'collection:<id>' | 'tag:<name>'. */
  view: string;
  /** The column sort outside a search (persisted); a search ranks by relevance and leaves this as it was. */
  sort: RowSort;
  /** While text is in the box: a column the user sorted the results by, or null for Relevance (the default). */
  searchSort: RowSort | null;
  filter: string;
  /** Rows the table shows, as the service last answered. */
  total: number;
  /** Rows in the view before the quick filter (for "12 of 340 items"). */
  inViewCount: number;
  /** The cached ranges of the answer (the service owns filter and order; the window holds what it paints). */
  pages: RowPages;
  /** The service revision the pages belong to. */
  viewRevision: number;
  /** Why each shown row matched the box's query (for the rows the window holds); empty when nothing is searched. */
  rowMatches: ReadonlyMap<ItemId, RowMatch>;
  /** The query the shown pages answer (the table exposes its filter for tests and the bench). */
  shownQuery: ViewQuery | null;
  selection: SelectionState;
  /** Where the cursor and anchor sat when last known: a hint, checked against the pages before use. */
  cursorIndex: number | null;
  anchorIndex: number | null;
  setView(view: View): void;
  toggleSort(column: SortColumn): void;
  setSort(sort: RowSort): void;
  /** Orders a search's results best first again, after a column was clicked. */
  sortByRelevance(): void;
  setFilter(filter: string): void;
  /** Asks the service again for the rows on screen (after a change of query or library); coalesced. */
  refreshView(): Promise<void>;
  /** The table says which rows are on screen; missing pages are fetched. */
  showRange(start: number, end: number): void;
  clickRow(id: ItemId, index: number, mods: ClickModifiers): Promise<void>;
  moveCursor(delta: number, extend: boolean): Promise<void>;
  selectAllVisible(): Promise<void>;
  selectIds(ids: readonly ItemId[]): void;
  /** The id shown at `index`, from the pages or the service; null past the end. */
  idAt(index: number): Promise<ItemId | null>;
  /** Positions of ids in the shown order (-1: not shown). */
  locate(ids: readonly ItemId[]): Promise<number[]>;
}

/** Columns whose natural first direction is newest/highest first. */
const DESCENDING_FIRST: ReadonlySet<SortColumn> = new Set(['year', 'addedAt']);
// Rows fetched beyond the visible ones, so a scroll of a few rows never shows placeholders.
const AHEAD = 60;
/** A failed answer is asked for again after 0.5 s, then twice as long each time, up to 15 s. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 15_000;

/** Whether the box holds text, which makes the table a search's results. */
export const isSearching = (s: Pick<ViewSlice, 'filter'>): boolean => s.filter.trim() !== '';

/** The sort the table shows: Relevance while searching unless a column was chosen, else the column sort. */
export function shownSort(s: Pick<ViewSlice, 'filter' | 'sort' | 'searchSort'>): ViewSort {
  return isSearching(s) ? s.searchSort ?? RELEVANCE : s.sort;
}

/** The query the table's answer is asked with. */
export function viewQueryOf(s: Pick<ViewSlice, 'view' | 'filter' | 'sort' | 'searchSort'>): ViewQuery {
  return { view: s.view, sort: shownSort(s), filter: s.filter };
}

function matchesOf(rows: readonly ItemRow[], matches: ReadonlyArray<RowMatch | null> | undefined, into = new Map<ItemId, RowMatch>()): Map<ItemId, RowMatch> {
  if (!matches) return into;
  rows.forEach((row, i) => {
    const m = matches[i];
    if (m) into.set(row.id, m);
  });
  return into;
}

/** Keeps the details of rows still held: the map never outgrows the page cache. */
function keptMatches(matches: ReadonlyMap<ItemId, RowMatch>, pages: RowPages, added: Map<ItemId, RowMatch>): Map<ItemId, RowMatch> {
  const out = new Map<ItemId, RowMatch>();
  for (const rows of pages.values()) {
    for (const row of rows) {
      const m = added.get(row.id) ?? matches.get(row.id);
      if (m) out.set(row.id, m);
    }
  }
  return out;
}

const queryKey = (q: ViewQuery): string => `${q.view}\u0001${q.sort.column}:${q.sort.direction}\u0001${q.filter}`;

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => {
  let range: [number, number] = [0, 60];
  let inFlight: Promise<void> | null = null;
  let dirty = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const loading = new Set<number>();
  // Keyboard moves run one after another: the next one starts from where the last one put the cursor.
  let moves: Promise<void> = Promise.resolve();

  const currentQuery = (): ViewQuery => viewQueryOf(get());

  async function fetchWindow(): Promise<void> {
    const query = currentQuery();
    const key = queryKey(query);
    // Only the pages on screen: a keystroke paints its first rows without waiting for (or rendering) the rows ahead,
    // which showRange asks for once this answer is in.
    const span = pageSpan(range[0], range[1], Math.max(get().total, range[1] + 1)) ?? [0, 0];
    const page = await getFolio().view.query(query, span[0] * PAGE_SIZE, (span[1] - span[0] + 1) * PAGE_SIZE);
    // Typed on while the answer travelled: the next round asks for the new query.
    if (queryKey(currentQuery()) !== key) return;
    loading.clear();
    set({
      pages: toPages(span[0], page.rows),
      // Unsearched answers keep the one empty map, so the table does not re-estimate its row sizes for nothing.
      rowMatches: page.matches || get().rowMatches.size > 0 ? matchesOf(page.rows, page.matches) : get().rowMatches,
      total: page.total,
      inViewCount: page.inViewCount,
      viewRevision: page.revision,
      shownQuery: query,
    });
    // The scroll position was past the end of a shorter answer: the table asks again once clamped.
  }

  async function loadRun(first: number, last: number): Promise<void> {
    const query = currentQuery();
    const key = queryKey(query);
    const revision = get().viewRevision;
    for (let p = first; p <= last; p++) loading.add(p);
    try {
      const page = await getFolio().view.query(query, first * PAGE_SIZE, (last - first + 1) * PAGE_SIZE);
      if (queryKey(currentQuery()) !== key || get().viewRevision !== revision) return;
      // The library changed since the pages were answered: start again rather than mix revisions.
      if (page.revision !== revision) {
        void get().refreshView();
        return;
      }
      const pages = mergePages(get().pages, toPages(first, page.rows), Math.floor(range[0] / PAGE_SIZE));
      set({ pages, rowMatches: page.matches ? keptMatches(get().rowMatches, pages, matchesOf(page.rows, page.matches)) : get().rowMatches });
    } finally {
      for (let p = first; p <= last; p++) loading.delete(p);
    }
  }

  function located(index: number | null, id: ItemId | null): number | null {
    if (index === null || id === null) return null;
    return rowAt(get().pages, index)?.id === id ? index : null;
  }

  async function indexOf(id: ItemId | null, hint: number | null): Promise<number> {
    if (id === null) return -1;
    const known = located(hint, id);
    if (known !== null) return known;
    return (await get().locate([id]))[0] ?? -1;
  }

  async function idsBetween(from: number, to: number): Promise<ItemId[]> {
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    const local: ItemId[] = [];
    for (let i = lo; i <= hi; i++) {
      const row: ItemRow | undefined = rowAt(get().pages, i);
      if (!row) break;
      local.push(row.id);
    }
    if (local.length === hi - lo + 1) return local;
    return (await getFolio().view.ids(currentQuery(), lo, hi - lo + 1)).ids;
  }

  return {
    view: 'all',
    sort: { column: 'addedAt', direction: 'desc' },
    searchSort: null,
    filter: '',
    rowMatches: new Map(),
    total: 0,
    inViewCount: 0,
    pages: new Map(),
    viewRevision: -1,
    shownQuery: null,
    selection: EMPTY_SELECTION,
    cursorIndex: null,
    anchorIndex: null,

    setView(view) {
      const key = viewKey(view);
      if (key === get().view) return;
      set({ view: key, selection: EMPTY_SELECTION, cursorIndex: null, anchorIndex: null });
      void get().refreshView();
    },

    toggleSort(column) {
      const searching = isSearching(get());
      const sort = searching ? get().searchSort : get().sort;
      const direction = sort?.column === column
        ? (sort.direction === 'asc' ? 'desc' : 'asc')
        : (DESCENDING_FIRST.has(column) ? 'desc' : 'asc');
      if (searching) {
        set({ searchSort: { column, direction } });
        void get().refreshView();
      } else {
        get().setSort({ column, direction });
      }
    },

    setSort(sort) {
      set({ sort });
      void get().refreshView();
    },

    sortByRelevance() {
      if (get().searchSort === null) return;
      set({ searchSort: null });
      void get().refreshView();
    },

    setFilter(filter) {
      // An emptied box ends the search: the table returns to its column sort, and the next search ranks again.
      set(filter.trim() === '' ? { filter, searchSort: null } : { filter });
      void get().refreshView();
    },

    refreshView() {
      if (inFlight) {
        dirty = true;
        return inFlight;
      }
      const run = async (): Promise<void> => {
        try {
          do {
            dirty = false;
            await fetchWindow();
          } while (dirty || get().shownQuery === null || queryKey(get().shownQuery as ViewQuery) !== queryKey(currentQuery()));
          failures = 0;
        } catch (error) {
          // The host could not answer (busy, restarting, an error): say so once, and ask again, less often each
          // time, rather than leave the table on rows that no longer answer the query.
          if (failures === 0) get().pushToast('error', `The table could not be brought up to date (${error instanceof Error ? error.message : String(error)}); trying again.`);
          failures++;
          clearTimeout(retry);
          retry = setTimeout(() => void get().refreshView(), Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1)));
        } finally {
          inFlight = null;
          // The table may have scrolled, or been clamped to a shorter answer, while this was in flight.
          get().showRange(range[0], range[1]);
        }
      };
      inFlight = run();
      return inFlight;
    },

    showRange(start, end) {
      range = [start, end];
      const { pages, total } = get();
      const span = pageSpan(start - AHEAD, end + AHEAD, total);
      if (!span || inFlight) return;
      for (const [first, last] of missingRuns(pages, loading, span[0], span[1])) void loadRun(first, last);
    },

    async clickRow(id, index, mods) {
      const { selection } = get();
      if (!mods.range || selection.anchor === null) {
        const next = mods.toggle ? toggleSelection(selection, id) : selectOnly(id);
        set({ selection: next, cursorIndex: index, anchorIndex: index });
        return;
      }
      const anchorIndex = await indexOf(selection.anchor, get().anchorIndex);
      if (anchorIndex < 0) {
        set({ selection: selectOnly(id), cursorIndex: index, anchorIndex: index });
        return;
      }
      const ids = await idsBetween(anchorIndex, index);
      set({ selection: rangeSelection(get().selection, ids, id, mods.toggle), cursorIndex: index, anchorIndex });
    },

    moveCursor(delta, extend) {
      moves = moves.then(async () => {
        const { total, selection } = get();
        if (total === 0) return;
        const current = await indexOf(selection.cursor, get().cursorIndex);
        const start = current < 0 ? (delta > 0 ? -1 : total) : current;
        const next = Math.max(0, Math.min(total - 1, start + delta));
        const id = await get().idAt(next);
        if (id === null) return;
        if (!extend || selection.anchor === null) {
          set({ selection: selectOnly(id), cursorIndex: next, anchorIndex: next });
          return;
        }
        const anchorIndex = await indexOf(selection.anchor, get().anchorIndex);
        if (anchorIndex < 0) {
          set({ selection: selectOnly(id), cursorIndex: next, anchorIndex: next });
          return;
        }
        set({ selection: rangeSelection(selection, await idsBetween(anchorIndex, next), id, false), cursorIndex: next, anchorIndex });
      }).catch((error: unknown) => get().pushToast('error', `Could not move the selection: ${String(error)}`));
      return moves;
    },

    async selectAllVisible() {
      const { ids } = await getFolio().view.ids(currentQuery(), 0, get().total);
      set({ selection: selectAll(ids, get().selection) });
    },

    selectIds(ids) {
      const first = ids[0] ?? null;
      set({ selection: first === null ? EMPTY_SELECTION : { selected: new Set(ids), anchor: first, cursor: first }, cursorIndex: null, anchorIndex: null });
    },

    async idAt(index) {
      if (index < 0 || index >= get().total) return null;
      const cached = rowAt(get().pages, index);
      if (cached) return cached.id;
      return (await getFolio().view.ids(currentQuery(), index, 1)).ids[0] ?? null;
    },

    async locate(ids) {
      if (ids.length === 0) return [];
      return (await getFolio().view.locate(currentQuery(), [...ids])).indices;
    },
  };
};
