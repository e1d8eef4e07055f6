import { describe, expect, it } from 'vitest';
import type { FolioBridge } from '../../../shared/api/folio-api.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { Store } from './store-types.ts';

// The reader slice reaches the host through platform/getFolio, which takes window.folio when there is one.
const pdf = (id: string, name: string) => ({ id, path: `files/${name}`, fileName: name, mediaType: 'application/pdf', sha256: id, size: 1 });
const items: Record<string, unknown> = {
  it_a: { id: 'it_a', csl: { type: 'article', title: 'Paper A' }, trashedAt: null, annotations: [], attachments: [pdf('at_a1', 'a1.pdf'), pdf('at_a2', 'a2.pdf')] },
  it_b: { id: 'it_b', csl: { type: 'article', title: 'Paper B' }, trashedAt: null, annotations: [], attachments: [pdf('at_b', 'b.pdf')] },
  it_trashed: { id: 'it_trashed', csl: { type: 'article', title: 'Gone' }, trashedAt: '2026-12-01T00:00:00.000Z', annotations: [], attachments: [pdf('at_t', 't.pdf')] },
  it_nopdf: { id: 'it_nopdf', csl: { type: 'article', title: 'Notes only' }, trashedAt: null, annotations: [], attachments: [] },
};
const bridge = {
  library: {
    getItem: async (id: string): Promise<Item> => {
      const item = items[id];
      if (!item) throw new Error(`No item with id ${id}`);
      return item as Item;
    },
  },
};
(globalThis as { window?: unknown }).window = { folio: bridge as unknown as FolioBridge };
const { create } = await import('zustand');
const { createStatusSlice } = await import('./status-slice.ts');
const { createReaderSlice } = await import('./reader-slice.ts');
const store = () => create<Store>()((...a) => ({ ...createStatusSlice(...a), ...createReaderSlice(...a) }) as unknown as Store);

describe('reader tabs after a restart', () => {
  it('come back in their order, each whose item still has that PDF, with the one in front in front', async () => {
    const s = store();
    await s.getState().restoreReaderTabs([
      { itemId: 'it_b', attachmentId: 'at_b' },
      { itemId: 'it_deleted', attachmentId: 'at_x' },
      { itemId: 'it_a', attachmentId: 'at_a2' },
      { itemId: 'it_trashed', attachmentId: 'at_t' },
      { itemId: 'it_nopdf', attachmentId: 'at_n' },
      { itemId: 'it_a', attachmentId: 'at_gone' },
    ], 'at_a2');
    expect(s.getState().readerTabs.map((t) => [t.id, t.itemId, t.title])).toEqual([['at_b', 'it_b', 'Paper B'], ['at_a2', 'it_a', 'Paper A']]);
    expect(s.getState().activeTab).toBe('at_a2');
  });

  it('keep the library in front when the tab that was in front did not come back', async () => {
    const s = store();
    await s.getState().restoreReaderTabs([{ itemId: 'it_b', attachmentId: 'at_b' }, { itemId: 'it_deleted', attachmentId: 'at_x' }], 'at_x');
    expect(s.getState().readerTabs.map((t) => t.id)).toEqual(['at_b']);
    expect(s.getState().activeTab).toBeNull();
  });

  it('leave a tab the user opened meanwhile open and in front, after the restored ones', async () => {
    const s = store();
    const restoring = s.getState().restoreReaderTabs([{ itemId: 'it_b', attachmentId: 'at_b' }], 'at_b');
    await s.getState().openReader('it_a' as ItemId, 'at_a1' as AttachmentId);
    await restoring;
    expect(s.getState().readerTabs.map((t) => t.id)).toEqual(['at_b', 'at_a1']);
    expect(s.getState().activeTab).toBe('at_a1');
  });
});
