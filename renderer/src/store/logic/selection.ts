import type { ItemId } from '../../../../shared/model/ids.ts';

/** The table's selection: the set, the anchor for Shift ranges, and the keyboard cursor. */
export interface SelectionState {
  selected: ReadonlySet<ItemId>;
  anchor: ItemId | null;
  cursor: ItemId | null;
}

export const EMPTY_SELECTION: SelectionState = { selected: new Set(), anchor: null, cursor: null };

export interface ClickModifiers {
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  toggle: boolean;
  range: boolean;
}

export function selectOnly(id: ItemId): SelectionState {
  return { selected: new Set([id]), anchor: id, cursor: id };
}

/** Ctrl/Cmd+click: the row goes in or out, and becomes the anchor. */
export function toggleSelection(state: SelectionState, id: ItemId): SelectionState {
  const selected = new Set(state.selected);
  if (selected.has(id)) selected.delete(id);
  else selected.add(id);
  return { selected, anchor: id, cursor: id };
}

/**
 * Shift+click or Shift+arrow: `range` holds the ids from the anchor to the new cursor, in table
 * order (the service answers them; the window never holds the whole order). With `add`
 * (Ctrl+Shift) the range joins the selection instead of replacing it. The anchor stays.
 */
export function rangeSelection(state: SelectionState, range: readonly ItemId[], cursor: ItemId, add: boolean): SelectionState {
  const selected = add ? new Set([...state.selected, ...range]) : new Set(range);
  return { selected, anchor: state.anchor ?? cursor, cursor };
}

/** Every shown id, in table order; keeps the anchor and cursor when there are some. */
export function selectAll(ids: readonly ItemId[], state: SelectionState): SelectionState {
  const first = ids[0];
  if (first === undefined) return EMPTY_SELECTION;
  return { selected: new Set(ids), anchor: state.anchor ?? first, cursor: state.cursor ?? first };
}

/** Drops ids that no longer exist (purged, or a restored state from another library). */
export function pruneSelection(state: SelectionState, exists: (id: ItemId) => boolean): SelectionState {
  const kept = [...state.selected].filter(exists);
  if (kept.length === state.selected.size) return state;
  return {
    selected: new Set(kept),
    anchor: state.anchor && exists(state.anchor) ? state.anchor : (kept[0] ?? null),
    cursor: state.cursor && exists(state.cursor) ? state.cursor : (kept[0] ?? null),
  };
}
