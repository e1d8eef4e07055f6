import type { ItemRow } from '../model/item.ts';

export interface TagCount {
  tag: string;
  count: number;
}

/** The sidebar's numbers: the fixed views, and every tag of the items not in the trash. */
export interface LibraryCounts {
  all: number;
  unfiled: number;
  trash: number;
  /** Sorted by name. */
  tags: TagCount[];
}

const byTagName = (a: TagCount, b: TagCount): number => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base', numeric: true });

/**
 * Counts kept up to date by adding and removing single rows, so an edit costs
 * the rows it touched, not a pass over the library.
 */
export class CountsTracker {
  private all = 0;
  private unfiled = 0;
  private trash = 0;
  private readonly tagCounts = new Map<string, number>();
  private sortedTags: TagCount[] | null = null;

  constructor(rows: Iterable<ItemRow> = []) {
    for (const row of rows) this.add(row);
  }

  add(row: ItemRow): void {
    this.change(row, 1);
  }

  remove(row: ItemRow): void {
    this.change(row, -1);
  }

  counts(): LibraryCounts {
    this.sortedTags ??= [...this.tagCounts].map(([tag, count]) => ({ tag, count })).sort(byTagName);
    return { all: this.all, unfiled: this.unfiled, trash: this.trash, tags: this.sortedTags };
  }

  private change(row: ItemRow, sign: 1 | -1): void {
    if (row.trashed) {
      this.trash += sign;
      return;
    }
    this.all += sign;
    if (row.collections.length === 0) this.unfiled += sign;
    if (row.tags.length === 0) return;
    this.sortedTags = null;
    for (const tag of row.tags) {
      const next = (this.tagCounts.get(tag) ?? 0) + sign;
      if (next > 0) this.tagCounts.set(tag, next);
      else this.tagCounts.delete(tag);
    }
  }
}

/** The same counts in one pass (tests, and the reference the tracker is checked against). */
export function countRows(rows: Iterable<ItemRow>): LibraryCounts {
  return new CountsTracker(rows).counts();
}
