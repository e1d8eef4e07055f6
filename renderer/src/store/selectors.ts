import type { ItemId } from '../../../shared/model/ids.ts';
import type { Store } from './store-types.ts';

/** The selected ids in table order (the order the user sees). */
export function selectedIds(state: Store): ItemId[] {
  const { selected } = state.selection;
  if (selected.size === 0) return [];
  if (selected.size === 1) return [...selected];
  const ordered = state.visibleRows.filter((r) => selected.has(r.id)).map((r) => r.id);
  // Selected rows hidden by the filter still count.
  if (ordered.length < selected.size) {
    const seen = new Set(ordered);
    for (const id of selected) if (!seen.has(id)) ordered.push(id);
  }
  return ordered;
}

export function singleSelectedId(state: Store): ItemId | null {
  const { selected } = state.selection;
  if (selected.size !== 1) return null;
  return selected.values().next().value ?? null;
}
