import { describe, it, expect } from 'vitest';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { clickSelection, EMPTY_SELECTION, moveCursor, pruneSelection, selectAll, selectOnly, type SelectionState } from './selection.ts';
import { testRow } from './test-rows.ts';

const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => testRow(id));
const sel = (s: SelectionState) => [...s.selected].sort();
const id = (s: string) => s as ItemId;
const plain = { toggle: false, range: false };

describe('clickSelection', () => {
  it('plain click selects one row and sets the anchor', () => {
    const s = clickSelection(selectOnly(id('a')), rows, id('c'), plain);
    expect(sel(s)).toEqual(['c']);
    expect(s.anchor).toBe('c');
  });
  it('Ctrl/Cmd+click toggles rows in and out', () => {
    let s = clickSelection(selectOnly(id('a')), rows, id('c'), { toggle: true, range: false });
    expect(sel(s)).toEqual(['a', 'c']);
    s = clickSelection(s, rows, id('a'), { toggle: true, range: false });
    expect(sel(s)).toEqual(['c']);
  });
  it('Shift+click selects from the anchor, in either direction, keeping the anchor', () => {
    let s = clickSelection(selectOnly(id('b')), rows, id('d'), { toggle: false, range: true });
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = clickSelection(s, rows, id('a'), { toggle: false, range: true });
    expect(sel(s)).toEqual(['a', 'b']);
    expect(s.anchor).toBe('b');
  });
  it('Ctrl+Shift+click adds the range to the selection', () => {
    const start = clickSelection(selectOnly(id('a')), rows, id('d'), { toggle: true, range: false });
    const s = clickSelection(start, rows, id('e'), { toggle: true, range: true });
    expect(sel(s)).toEqual(['a', 'd', 'e']);
  });
});

describe('moveCursor', () => {
  it('moves and clamps at both ends', () => {
    expect(sel(moveCursor(selectOnly(id('b')), rows, -1, false))).toEqual(['a']);
    expect(sel(moveCursor(selectOnly(id('a')), rows, -1, false))).toEqual(['a']);
    expect(sel(moveCursor(selectOnly(id('b')), rows, 100, false))).toEqual(['e']);
  });
  it('starts at the first row going down and the last going up when nothing is selected', () => {
    expect(sel(moveCursor(EMPTY_SELECTION, rows, 1, false))).toEqual(['a']);
    expect(sel(moveCursor(EMPTY_SELECTION, rows, -1, false))).toEqual(['e']);
  });
  it('Shift extends from the anchor and can shrink back', () => {
    let s = moveCursor(selectOnly(id('b')), rows, 1, true);
    s = moveCursor(s, rows, 1, true);
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = moveCursor(s, rows, -1, true);
    expect(sel(s)).toEqual(['b', 'c']);
  });
  it('leaves an empty table alone', () => {
    expect(moveCursor(EMPTY_SELECTION, [], 1, false)).toBe(EMPTY_SELECTION);
  });
});

describe('selectAll and pruneSelection', () => {
  it('selects every visible row', () => {
    expect(sel(selectAll(rows, EMPTY_SELECTION))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('drops ids that no longer exist and moves anchor/cursor to a survivor', () => {
    const s = clickSelection(selectOnly(id('a')), rows, id('c'), { toggle: false, range: true });
    const pruned = pruneSelection(s, (x) => x !== 'a');
    expect(sel(pruned)).toEqual(['b', 'c']);
    expect(pruned.anchor).toBe('b');
  });
});
