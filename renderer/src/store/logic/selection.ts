import type { ItemId } from '../../../../shared/model/ids.ts';
import type { ItemRow } from '../../../../shared/model/item.ts';

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

function indexOf(rows: readonly ItemRow[], id: ItemId | null): number {
  return id === null ? -1 : rows.findIndex((r) => r.id === id);
}

function rangeIds(rows: readonly ItemRow[], from: number, to: number): ItemId[] {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  return rows.slice(lo, hi + 1).map((r) => r.id);
}

export function selectOnly(id: ItemId): SelectionState {
  return { selected: new Set([id]), anchor: id, cursor: id };
}

/** Click, Ctrl/Cmd+click (toggle) and Shift+click (range from the anchor), as in a file manager. */
export function clickSelection(state: SelectionState, rows: readonly ItemRow[], id: ItemId, mods: ClickModifiers): SelectionState {
  if (mods.range) {
    const anchorIndex = indexOf(rows, state.anchor);
    const target = indexOf(rows, id);
    if (anchorIndex < 0 || target < 0) return selectOnly(id);
    const range = rangeIds(rows, anchorIndex, target);
    const selected = mods.toggle ? new Set([...state.selected, ...range]) : new Set(range);
    return { selected, anchor: state.anchor, cursor: id };
  }
  if (mods.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, cursor: id };
  }
  return selectOnly(id);
}

/**
 * Moves the cursor by `delta` rows (clamped); with `extend`, selects the range
 * from the anchor like Shift+Arrow. Returns the state unchanged for an empty table.
 */
export function moveCursor(state: SelectionState, rows: readonly ItemRow[], delta: number, extend: boolean): SelectionState {
  if (rows.length === 0) return state;
  const current = indexOf(rows, state.cursor);
  const start = current < 0 ? (delta > 0 ? -1 : rows.length) : current;
  const next = Math.max(0, Math.min(rows.length - 1, start + delta));
  const id = (rows[next] as ItemRow).id;
  if (!extend) return selectOnly(id);
  const anchorIndex = indexOf(rows, state.anchor);
  if (anchorIndex < 0) return selectOnly(id);
  return { selected: new Set(rangeIds(rows, anchorIndex, next)), anchor: state.anchor, cursor: id };
}

export function selectAll(rows: readonly ItemRow[], state: SelectionState): SelectionState {
  if (rows.length === 0) return EMPTY_SELECTION;
  const first = (rows[0] as ItemRow).id;
  return { selected: new Set(rows.map((r) => r.id)), anchor: state.anchor ?? first, cursor: state.cursor ?? first };
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
