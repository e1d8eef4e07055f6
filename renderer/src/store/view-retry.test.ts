import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FolioBridge } from '../../../shared/api/folio-api.ts';
import type { ViewPage } from '../../../shared/api/view-types.ts';
import type { Store } from './store-types.ts';

// The view slice reaches the host through platform/getFolio, which takes window.folio when there is one.
let failuresLeft = 0;
const asked: string[] = [];
const bridge = {
  view: {
    query: async (query: { filter: string }): Promise<ViewPage> => {
      asked.push(query.filter);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('the host is restarting');
      }
      return { revision: 1, total: 1, inViewCount: 1, offset: 0, rows: [] };
    },
  },
};
(globalThis as { window?: unknown }).window = { folio: bridge as unknown as FolioBridge };
const { create } = await import('zustand');
const { createStatusSlice } = await import('./status-slice.ts');
const { createViewSlice } = await import('./view-slice.ts');
// The view slice and the status slice it toasts through.
const useStore = create<Store>()((...a) => ({ ...createStatusSlice(...a), ...createViewSlice(...a) }) as unknown as Store);

afterEach(() => vi.useRealTimers());

describe('the table when the host cannot answer', () => {
  it('says so once and asks again, less often each time, until it gets the answer', async () => {
    vi.useFakeTimers();
    failuresLeft = 3;
    useStore.setState({ filter: 'knuth', shownQuery: null, toasts: [] });
    await useStore.getState().refreshView();
    expect(useStore.getState().shownQuery).toBeNull();
    expect(useStore.getState().toasts.map((t) => t.text)).toEqual(['The table could not be brought up to date (the host is restarting); trying again.']);
    await vi.advanceTimersByTimeAsync(499);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2000);
    // The fourth answers (the table may then ask for the rows ahead of the screen, once).
    expect(asked.slice(0, 4)).toEqual(['knuth', 'knuth', 'knuth', 'knuth']);
    // One toast for the whole streak of failures.
    expect(useStore.getState().toasts.filter((t) => t.kind === 'error')).toHaveLength(1);
    const settled = asked.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(settled);
    expect(useStore.getState().shownQuery?.filter).toBe('knuth');
    expect(useStore.getState().total).toBe(1);
  });
});
