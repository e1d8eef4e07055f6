import type { Collection } from '../../../shared/model/collection.ts';
import type { CollectionId, ItemId } from '../../../shared/model/ids.ts';
import { getFolio } from '../platform/index.ts';
import { ancestorIds, canMoveCollection, isDescendant, uniqueSiblingName } from './logic/collection-tree.ts';
import { parseView } from './logic/view.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface CollectionsSlice {
  collections: Collection[];
  expandedCollections: ReadonlySet<string>;
  /** The collection whose name is being edited inline. */
  renamingId: CollectionId | null;
  loadCollections(): Promise<void>;
  setExpanded(id: CollectionId, expanded: boolean): void;
  /** Creates "New Collection" (unique among siblings) and starts renaming it. */
  createCollection(parentId: CollectionId | null): Promise<void>;
  startRename(id: CollectionId | null): void;
  renameCollection(id: CollectionId, name: string): Promise<void>;
  moveCollection(id: CollectionId, parentId: CollectionId | null): Promise<void>;
  /** Asks, then deletes the collection and its sub-collections (items stay). */
  deleteCollection(id: CollectionId): Promise<void>;
  addItemsToCollection(id: CollectionId, itemIds: readonly ItemId[]): Promise<void>;
  removeItemsFromCollection(id: CollectionId, itemIds: readonly ItemId[]): Promise<void>;
}

export const createCollectionsSlice: SliceCreator<CollectionsSlice> = (set, get) => {
  /** Runs a collection call, reports failure as a toast, reloads the list either way. */
  async function run<T>(action: () => Promise<T>, failure: string): Promise<T | null> {
    try {
      return await action();
    } catch (error) {
      get().pushToast('error', `${failure}: ${errorMessage(error)}`);
      return null;
    } finally {
      await get().loadCollections();
    }
  }

  return {
    collections: [],
    expandedCollections: new Set(),
    renamingId: null,

    async loadCollections() {
      try {
        set({ collections: await getFolio().collections.list() });
      } catch (error) {
        get().pushToast('error', `Could not load collections: ${errorMessage(error)}`);
      }
    },

    setExpanded(id, expanded) {
      const next = new Set(get().expandedCollections);
      if (expanded) next.add(id);
      else next.delete(id);
      set({ expandedCollections: next });
    },

    async createCollection(parentId) {
      const name = uniqueSiblingName(get().collections, parentId, 'New Collection');
      const created = await run(() => getFolio().collections.create(name, parentId), 'Could not create the collection');
      if (!created) return;
      if (parentId) {
        const open = new Set(get().expandedCollections);
        for (const id of [...ancestorIds(get().collections, parentId), parentId]) open.add(id);
        set({ expandedCollections: open });
      }
      set({ renamingId: created.id });
    },

    startRename: (renamingId) => set({ renamingId }),

    async renameCollection(id, name) {
      set({ renamingId: null });
      const trimmed = name.trim();
      const current = get().collections.find((c) => c.id === id);
      if (!current || trimmed === '' || trimmed === current.name) return;
      await run(() => getFolio().collections.rename(id, trimmed), 'Could not rename the collection');
    },

    async moveCollection(id, parentId) {
      if (!canMoveCollection(get().collections, id, parentId)) return;
      await run(() => getFolio().collections.move(id, parentId), 'Could not move the collection');
      if (parentId) get().setExpanded(parentId, true);
    },

    async deleteCollection(id) {
      const collections = get().collections;
      const target = collections.find((c) => c.id === id);
      if (!target) return;
      const subs = collections.filter((c) => c.id !== id && isDescendant(collections, c.id, id)).length;
      const ok = await get().askConfirm({
        title: 'Delete collection',
        message: `Delete "${target.name}"${subs > 0 ? ` and its ${subs} sub-collection${subs === 1 ? '' : 's'}` : ''}? The items stay in your library.`,
        confirmLabel: 'Delete',
        danger: true,
      });
      if (!ok) return;
      const view = parseView(get().view);
      if (view.kind === 'collection' && isDescendant(collections, view.id, id)) get().setView({ kind: 'all' });
      const done = await run(async () => {
        await getFolio().collections.remove(id);
        return true;
      }, 'Could not delete the collection');
      // Membership lives on the items: their rows changed too.
      if (done) await get().reloadRows();
    },

    async addItemsToCollection(id, itemIds) {
      if (itemIds.length === 0) return;
      try {
        await getFolio().collections.addItems(id, [...itemIds]);
        get().refreshRows(itemIds);
        const name = get().collections.find((c) => c.id === id)?.name ?? 'collection';
        get().pushToast('info', `Added ${itemIds.length} item${itemIds.length === 1 ? '' : 's'} to “${name}”`);
      } catch (error) {
        get().pushToast('error', `Could not add to the collection: ${errorMessage(error)}`);
      }
    },

    async removeItemsFromCollection(id, itemIds) {
      if (itemIds.length === 0) return;
      try {
        await getFolio().collections.removeItems(id, [...itemIds]);
        get().refreshRows(itemIds);
      } catch (error) {
        get().pushToast('error', `Could not remove from the collection: ${errorMessage(error)}`);
      }
    },
  };
};
