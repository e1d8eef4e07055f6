import { describe, it, expect } from 'vitest';
import { DEFAULT_UI_STATE, type UiState } from '../../../../shared/api/ui-types.ts';
import { normalizeUiState } from './ui-state.ts';

describe('normalizeUiState', () => {
  it('keeps a valid state as is', () => {
    const state: UiState = { ...DEFAULT_UI_STATE, view: 'collection:abc', selectedItemIds: ['i1'], sort: { column: 'year', direction: 'asc' }, sidebarWidth: 300, detailsWidth: 500, noteMode: 'preview', theme: 'dark', filter: 'bert' };
    expect(normalizeUiState(state)).toEqual(state);
  });
  it('falls back to defaults for missing or bad values and clamps widths', () => {
    const bad = { sort: { column: 'nope', direction: 'up' }, sidebarWidth: 5, detailsWidth: Number.NaN, theme: 'pink', selectedItemIds: ['a', 3] } as unknown as Partial<UiState>;
    const s = normalizeUiState(bad);
    expect(s.sort).toEqual(DEFAULT_UI_STATE.sort);
    expect(s.sidebarWidth).toBe(160);
    expect(s.detailsWidth).toBe(DEFAULT_UI_STATE.detailsWidth);
    expect(s.theme).toBe('system');
    expect(s.selectedItemIds).toEqual(['a']);
    expect(normalizeUiState(null)).toEqual(DEFAULT_UI_STATE);
  });
});
