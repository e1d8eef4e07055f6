import { asCollectionId, asItemId } from '../../../../shared/model/ids.ts';
import type { ItemRow } from '../../../../shared/model/item.ts';

/** A plain row for logic tests; override what the test is about. */
export function testRow(id: string, over: Partial<Omit<ItemRow, 'collections'>> & { collections?: string[] } = {}): ItemRow {
  const { collections, ...rest } = over;
  return {
    id: asItemId(id), key: id, type: 'article-journal', title: `Title ${id}`, authors: '', year: null, venue: '',
    addedAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z',
    tags: [], read: 'unread', flagged: false, trashed: false, hasNote: false, hasPdf: false, annotationCount: 0,
    ...rest,
    collections: (collections ?? []).map(asCollectionId),
  };
}
