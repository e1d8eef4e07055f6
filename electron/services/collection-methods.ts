import type { FolioApi } from '../../shared/api/folio-api.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import type { Collection } from '../../shared/model/collection.ts';
import { asCollectionId, newId, type CollectionId } from '../../shared/model/ids.ts';
import type { ServiceContext } from './service-context.ts';

function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!trimmed) throw new FolioError('INVALID_ARGUMENT', 'A collection needs a name');
  return trimmed;
}

/** The collection and every collection below it. */
export function collectionSubtree(all: readonly Collection[], rootId: CollectionId): Set<CollectionId> {
  const ids = new Set<CollectionId>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of all) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function createCollectionMethods(ctx: ServiceContext): FolioApi['collections'] {
  const { store } = ctx;

  const require = (id: CollectionId): Collection => {
    const found = store.collections().find((c) => c.id === id);
    if (!found) throw new FolioError('NOT_FOUND', `No collection with id ${id}`, { id });
    return found;
  };

  const put = async (collection: Collection): Promise<Collection> => {
    await ctx.commit([{ op: 'putCollections', collections: [collection] }], { collections: true });
    return collection;
  };

  const setMembership = async (id: CollectionId, itemIds: Parameters<FolioApi['collections']['addItems']>[1], member: boolean) => {
    require(id);
    const now = ctx.now();
    const changed = ctx.requireItems(itemIds)
      .filter((item) => item.collections.includes(id) !== member)
      .map((item) => ({
        ...item,
        collections: member ? [...item.collections, id] : item.collections.filter((c) => c !== id),
        modifiedAt: now,
      }));
    await ctx.putItems(changed);
  };

  return {
    async list() {
      return [...store.collections()];
    },

    async create(name, parentId) {
      if (parentId) require(parentId);
      return put({ id: asCollectionId(newId('col')), name: cleanName(name), parentId, createdAt: ctx.now() });
    },

    async rename(id, name) {
      return put({ ...require(id), name: cleanName(name) });
    },

    async move(id, parentId) {
      const collection = require(id);
      if (parentId) {
        require(parentId);
        if (collectionSubtree(store.collections(), id).has(parentId)) {
          throw new FolioError('INVALID_ARGUMENT', `Cannot move "${collection.name}" into itself or one of its sub-collections`);
        }
      }
      return put({ ...collection, parentId });
    },

    async remove(id) {
      require(id);
      const gone = collectionSubtree(store.collections(), id);
      const now = ctx.now();
      const items = [...store.items()]
        .filter((item) => item.collections.some((c) => gone.has(c)))
        .map((item) => ({ ...item, collections: item.collections.filter((c) => !gone.has(c)), modifiedAt: now }));
      const ops = [
        { op: 'deleteCollections' as const, ids: [...gone] },
        ...(items.length > 0 ? [{ op: 'putItems' as const, items }] : []),
      ];
      await ctx.commit(ops, { items: items.map((i) => i.id), collections: true });
    },

    addItems: (id, itemIds) => setMembership(id, itemIds, true),
    removeItems: (id, itemIds) => setMembership(id, itemIds, false),
  };
}
