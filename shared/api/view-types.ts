import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import type { LibraryCounts, TagCount } from '../search/library-counts.ts';
import type { ViewQuery } from '../search/view-engine.ts';

/** Types of the `view` group: the service owns filter, sort and order; the window asks for what it paints. */
export type { LibraryCounts, TagCount, ViewQuery };

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
