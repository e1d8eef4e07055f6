import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import { CountsTracker, type LibraryCounts } from './library-counts.ts';
import { parseView, rowsInView } from './library-view.ts';
import { createQuickFilter, rowHaystack, type QuickFilter } from './quick-filter.ts';
import { sortRows, updateSorted, type RowSort } from './row-sort.ts';

/** Best match first: the order of a search. Only the search engine can rank; without it the fallback order holds. */
export interface RelevanceSort {
  column: 'relevance';
  direction: 'desc';
}
export type ViewSort = RowSort | RelevanceSort;
export const RELEVANCE: RelevanceSort = { column: 'relevance', direction: 'desc' };
/** What Relevance falls back to where nothing ranks (an empty box, the warm start): newest first. */
export const UNRANKED_SORT: RowSort = { column: 'addedAt', direction: 'desc' };

export const columnSort = (sort: ViewSort): RowSort => (sort.column === 'relevance' ? UNRANKED_SORT : sort);

/** What a window shows: a sidebar view, a sort order and the quick filter's text. */
export interface ViewQuery {
  /** 'all' | 'unfiled' | 'trash' | 'collection:<id>' | 'tag:<name>' | 'saved:<name>' */
  view: string;
  sort: ViewSort;
  filter: string;
}

/** The answer to one query at one revision of the library. Cheap to ask again for another range. */
export interface ViewResult {
  readonly revision: number;
  /** Rows the table shows (after the quick filter). */
  readonly total: number;
  /** Rows in the view before the quick filter ("12 of 340 items"). */
  readonly inViewCount: number;
  rows(offset: number, limit: number): ItemRow[];
  ids(offset: number, limit: number): ItemId[];
  /** Position of `id` in the shown order, or -1. */
  indexOf(id: ItemId): number;
}

// Above this many changed rows one fresh sort is cheaper than binary insertion into each kept order.
const INCREMENTAL_LIMIT = 200;
// Windows (Electron, web tabs, tests) rarely show more than a few view+sort pairs at once.
const KEPT_RESULTS = 6;

const sortKey = (sort: RowSort): string => `${sort.column}:${sort.direction}`;

interface ViewState {
  revision: number;
  filter: QuickFilter;
  inViewCount: number;
  query: string;
  visible: ItemRow[];
  positions: Map<ItemId, number> | null;
}

/**
 * Filter, sort and the id order of the library's rows, owned by the service so the window only
 * ever receives the rows it paints. Each sort order is computed once and then kept up to date
 * by binary insertion; the quick filter reuses its folded haystacks (cached per row object)
 * and narrows the previous answer while the user types. Pure: it sees rows, never the store.
 */
export class ViewEngine {
  private readonly byId = new Map<ItemId, ItemRow>();
  private readonly orders = new Map<string, ItemRow[]>();
  private readonly views = new Map<string, ViewState>();
  private tracker: CountsTracker;
  private rev = 0;

  constructor(rows: Iterable<ItemRow>) {
    for (const row of rows) this.byId.set(row.id, row);
    this.tracker = new CountsTracker(this.byId.values());
  }

  /** Bumps on every change, so a window can drop answers computed before it. */
  get revision(): number {
    return this.rev;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: ItemId): ItemRow | undefined {
    return this.byId.get(id);
  }

  counts(): LibraryCounts {
    return this.tracker.counts();
  }

  /** Adds or replaces `rows` and drops `removed`: O(changes) for the counts, O(n) per kept sort order. */
  apply(rows: readonly ItemRow[], removed: readonly ItemId[]): void {
    if (rows.length === 0 && removed.length === 0) return;
    const changedIds = new Set<string>();
    for (const id of removed) {
      const old = this.byId.get(id);
      if (!old) continue;
      this.tracker.remove(old);
      this.byId.delete(id);
      changedIds.add(id);
    }
    for (const row of rows) {
      const old = this.byId.get(row.id);
      if (old) {
        this.tracker.remove(old);
        changedIds.add(row.id);
      }
      this.tracker.add(row);
      this.byId.set(row.id, row);
    }
    for (const [key, order] of this.orders) {
      const sort = parseSortKey(key);
      if (rows.length + changedIds.size <= INCREMENTAL_LIMIT) this.orders.set(key, updateSorted(order, changedIds, rows, sort));
      else this.orders.delete(key);
    }
    this.rev++;
  }

  /** Replaces every row (a bulk change the caller did not itemise). */
  replaceAll(rows: Iterable<ItemRow>): void {
    this.byId.clear();
    this.orders.clear();
    for (const row of rows) this.byId.set(row.id, row);
    this.tracker = new CountsTracker(this.byId.values());
    this.rev++;
  }

  query(query: ViewQuery): ViewResult {
    const state = this.viewState({ ...query, sort: columnSort(query.sort) });
    if (state.query !== query.filter || state.revision !== this.rev) {
      state.visible = state.filter.filter(query.filter);
      state.query = query.filter;
      state.revision = this.rev;
      state.positions = null;
    }
    const { visible, inViewCount } = state;
    const revision = this.rev;
    return {
      revision,
      total: visible.length,
      inViewCount,
      rows: (offset, limit) => visible.slice(clamp(offset, visible.length), clamp(offset + limit, visible.length)),
      ids: (offset, limit) => {
        const start = clamp(offset, visible.length);
        const end = clamp(offset + limit, visible.length);
        const out = new Array<ItemId>(end - start);
        for (let i = start; i < end; i++) out[i - start] = (visible[i] as ItemRow).id;
        return out;
      },
      indexOf: (id) => {
        if (state.visible !== visible) return visible.findIndex((r) => r.id === id);
        state.positions ??= new Map(visible.map((r, i) => [r.id, i]));
        return state.positions.get(id) ?? -1;
      },
    };
  }

  /**
   * Folds every row's search text ahead of the first keystroke, in slices: works until
   * `stop()` says so and returns true once every row is ready.
   */
  warm(stop: () => boolean): boolean {
    let n = 0;
    for (const row of this.byId.values()) {
      rowHaystack(row);
      if ((++n & 511) === 0 && stop()) return false;
    }
    return true;
  }

  private order(sort: RowSort): ItemRow[] {
    const key = sortKey(sort);
    let order = this.orders.get(key);
    if (!order) {
      order = sortRows([...this.byId.values()], sort);
      this.orders.set(key, order);
    }
    return order;
  }

  private viewState(query: ViewQuery & { sort: RowSort }): ViewState {
    const key = `${query.view}\u0001${sortKey(query.sort)}`;
    let state = this.views.get(key);
    if (state && state.revision !== this.rev) state = undefined;
    if (!state) {
      const inView = rowsInView(this.order(query.sort), parseView(query.view));
      state = { revision: -1, filter: createQuickFilter(inView), inViewCount: inView.length, query: '', visible: inView, positions: null };
      this.views.delete(key);
      this.views.set(key, state);
      if (this.views.size > KEPT_RESULTS) this.views.delete(this.views.keys().next().value as string);
    } else {
      // Most recently used last.
      this.views.delete(key);
      this.views.set(key, state);
    }
    return state;
  }
}

function parseSortKey(key: string): RowSort {
  const [column, direction] = key.split(':') as [RowSort['column'], RowSort['direction']];
  return { column, direction };
}

const clamp = (n: number, max: number): number => Math.max(0, Math.min(max, Math.trunc(n)));
