import type { ItemRow } from '../../../../shared/model/item.ts';

export interface TagCount {
  tag: string;
  count: number;
}

/** Tags of the items not in the trash, with how many items carry each, sorted by name. */
export function tagCounts(rows: readonly ItemRow[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.trashed) continue;
    for (const tag of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base', numeric: true }));
}
