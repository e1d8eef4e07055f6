import type { ItemRow } from '../../../../shared/model/item.ts';
import { createQuickFilter, type QuickFilter } from '../../../../shared/search/quick-filter.ts';
import { runWhenIdle } from './idle-work.ts';
import { rowsInView, viewKey, type View } from './view.ts';

export interface VisibleRows {
  /** Rows of the current view, before the quick filter. */
  inView: ItemRow[];
  /** What the table shows: inView narrowed by the quick filter, in sort order. */
  visible: ItemRow[];
}

/**
 * sorted rows -> rows in the view -> quick filter, each stage recomputed only
 * when its input changed. A keystroke in the filter only reruns the last stage.
 */
export function createVisibleRowsPipeline(): (sorted: ItemRow[], view: View, query: string) => VisibleRows {
  let lastSorted: ItemRow[] | null = null;
  let lastView = '';
  let inView: ItemRow[] = [];
  let filter: QuickFilter = createQuickFilter([]);
  let cancelWarm: () => void = () => undefined;

  return (sorted, view, query) => {
    const key = viewKey(view);
    if (sorted !== lastSorted || key !== lastView) {
      lastSorted = sorted;
      lastView = key;
      inView = rowsInView(sorted, view);
      filter = createQuickFilter(inView);
      // Fold the rows for searching after they are on screen, in idle time.
      cancelWarm();
      const warming = filter;
      cancelWarm = runWhenIdle((stop) => warming.warm(stop));
    }
    return { inView, visible: filter.filter(query) };
  };
}
