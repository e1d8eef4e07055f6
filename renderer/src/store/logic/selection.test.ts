import { describe, it, expect } from 'vitest';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { EMPTY_SELECTION, pruneSelection, rangeSelection, selectAll, selectOnly, toggleSelection, type SelectionState } from './selection.ts';

const sel = (s: SelectionState) => [...s.selected].sort();
const id = (s: string) => s as ItemId;
const ids = (...s: string[]) => s.map(id);

describe('selection', () => {
  it('a plain click selects one row and sets the anchor', () => {
    const s = selectOnly(id('c'));
    expect(sel(s)).toEqual(['c']);
    expect(s.anchor).toBe('c');
  });
  it('Ctrl/Cmd+click toggles rows in and out', () => {
    let s = toggleSelection(selectOnly(id('a')), id('c'));
    expect(sel(s)).toEqual(['a', 'c']);
    s = toggleSelection(s, id('a'));
    expect(sel(s)).toEqual(['c']);
    expect(s.anchor).toBe('a');
  });
  it('a range replaces the selection and keeps the anchor; with add it joins it', () => {
    const start = toggleSelection(selectOnly(id('a')), id('d'));
    const replaced = rangeSelection(start, ids('d', 'e'), id('e'), false);
    expect(sel(replaced)).toEqual(['d', 'e']);
    expect(replaced.anchor).toBe('d');
    expect(replaced.cursor).toBe('e');
    expect(sel(rangeSelection(start, ids('d', 'e'), id('e'), true))).toEqual(['a', 'd', 'e']);
  });
  it('keeps a range in table order, so the selection reads in the order shown', () => {
    expect([...rangeSelection(selectOnly(id('c')), ids('a', 'b', 'c'), id('a'), false).selected]).toEqual(['a', 'b', 'c']);
  });
  it('selects every shown id, and nothing in an empty table', () => {
    expect([...selectAll(ids('a', 'b', 'c'), EMPTY_SELECTION).selected]).toEqual(['a', 'b', 'c']);
    expect(selectAll([], selectOnly(id('a')))).toBe(EMPTY_SELECTION);
  });
  it('drops ids that no longer exist and moves anchor/cursor to a survivor', () => {
    const s = rangeSelection(selectOnly(id('a')), ids('a', 'b', 'c'), id('c'), false);
    const pruned = pruneSelection(s, (x) => x !== 'a');
    expect(sel(pruned)).toEqual(['b', 'c']);
    expect(pruned.anchor).toBe('b');
  });
});
