import type { ItemId } from '../../../shared/model/ids.ts';
import type { Store } from './store-types.ts';

/**
 * The selected ids in the order they were selected: table order for a range or select-all (the
 * service answers those in order), click order for Ctrl/Cmd+clicks. The window never holds
 * the whole table order to sort them by.
 */
export function selectedIds(state: Store): ItemId[] {
  return [...state.selection.selected];
}

export function singleSelectedId(state: Store): ItemId | null {
  const { selected } = state.selection;
  if (selected.size !== 1) return null;
  return selected.values().next().value ?? null;
}
