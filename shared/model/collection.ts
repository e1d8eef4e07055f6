import type { CollectionId } from './ids.ts';

export interface Collection {
  id: CollectionId;
  name: string;
  parentId: CollectionId | null;
  createdAt: string;
}
