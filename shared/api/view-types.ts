import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import type { LibraryCounts, TagCount } from '../search/library-counts.ts';
import type { RowMatch } from '../search/query/row-match.ts';
import type { RelevanceSort, ViewQuery, ViewSort } from '../search/view-engine.ts';

/** Types of the `view` group: the service owns filter, sort and order; the window asks for what it paints. */
export type { LibraryCounts, RelevanceSort, RowMatch, TagCount, ViewQuery, ViewSort };

/** One range of a query's answer. */
export interface ViewPage {
  /** The library revision the answer was computed at: a window drops pages of an older one. */
  revision: number;
  /** Rows the table shows (after the quick filter). */
  total: number;
  /** Rows in the view before the quick filter. */
  inViewCount: number;
  offset: number;
  rows: ItemRow[];
  /**
   * While a query is in the box (or the view is a saved search): why each of `rows` matched, in the same order
   * (null for a row the index does not hold yet). Absent otherwise.
   */
  matches?: Array<RowMatch | null>;
}

export interface ViewIds {
  revision: number;
  total: number;
  offset: number;
  ids: ItemId[];
}

export interface ViewPositions {
  revision: number;
  /** Position of each asked id in the shown order, -1 when it is not shown. */
  indices: number[];
}
