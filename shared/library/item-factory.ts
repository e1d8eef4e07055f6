import type { CollectionId } from '../model/ids.ts';
import { asItemId, newId } from '../model/ids.ts';
import type { CslItemData } from '../model/csl.ts';
import type { BibtexSource } from '../model/bibtex-source.ts';
import type { Item } from '../model/item.ts';

export interface NewItemInput {
  csl: CslItemData;
  citationKey: string;
  now: string;
  tags?: string[];
  collections?: CollectionId[];
  source?: BibtexSource;
  importBatchId?: string;
}

/** Builds a new item with every app field in a fixed order (stable JSON on disk). */
export function createItem(input: NewItemInput): Item {
  const item: Item = {
    id: asItemId(newId('it')),
    citationKey: input.citationKey,
    keyPinned: false,
    csl: input.csl,
    tags: [...new Set(input.tags ?? [])],
    collections: [...new Set(input.collections ?? [])],
    read: 'unread',
    rating: 0,
    flagged: false,
    addedAt: input.now,
    modifiedAt: input.now,
    trashedAt: null,
    attachments: [],
    note: null,
    annotations: [],
  };
  if (input.source) item.source = input.source;
  if (input.importBatchId) item.importBatchId = input.importBatchId;
  return item;
}
