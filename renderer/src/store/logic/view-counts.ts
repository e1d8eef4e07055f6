import type { ItemRow } from '../../../../shared/model/item.ts';

export interface ViewCounts {
  all: number;
  unfiled: number;
  trash: number;
}

/** Counts for the sidebar's fixed views, computed once per rows change (not per render). */
export function viewCounts(rows: Iterable<ItemRow>): ViewCounts {
  let all = 0;
  let unfiled = 0;
  let trash = 0;
  for (const row of rows) {
    if (row.trashed) trash++;
    else {
      all++;
      if (row.collections.length === 0) unfiled++;
    }
  }
  return { all, unfiled, trash };
}
