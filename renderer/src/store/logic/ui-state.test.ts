import { describe, it, expect } from 'vitest';
import { DEFAULT_UI_STATE, READER_TABS_MAX, type UiState } from '../../../../shared/api/ui-types.ts';
import { normalizeUiState } from './ui-state.ts';

describe('normalizeUiState', () => {
  it('keeps a valid state as is', () => {
    const state: UiState = {
      ...DEFAULT_UI_STATE, view: 'collection:abc', selectedItemIds: ['i1'], sort: { column: 'year', direction: 'asc' }, sidebarWidth: 300,
      detailsWidth: 500, noteMode: 'preview', theme: 'dark', filter: 'bert',
      readerTabs: [{ itemId: 'it_1', attachmentId: 'at_1' }, { itemId: 'it_2', attachmentId: 'at_2' }], activeReaderTab: 'at_2',
    };
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
  it('keeps well-formed reader tabs, each PDF once, at most READER_TABS_MAX', () => {
    const many = Array.from({ length: READER_TABS_MAX + 5 }, (_, i) => ({ itemId: `it_${i}`, attachmentId: `at_${i}` }));
    const raw = [{ itemId: 'it_a', attachmentId: 'at_a' }, { itemId: 'it_a', attachmentId: 'at_a' }, { itemId: 3, attachmentId: 'at_b' }, 'at_c', null, ...many];
    const s = normalizeUiState({ readerTabs: raw, activeReaderTab: 7 } as unknown as Partial<UiState>);
    expect(s.readerTabs?.[0]).toEqual({ itemId: 'it_a', attachmentId: 'at_a' });
    expect(s.readerTabs?.[1]).toEqual({ itemId: 'it_0', attachmentId: 'at_0' });
    expect(s.readerTabs).toHaveLength(READER_TABS_MAX);
    expect(s.activeReaderTab).toBeNull();
  });
});
