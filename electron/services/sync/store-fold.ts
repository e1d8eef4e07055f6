import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { KeyRename } from '../../../shared/api/sync-types.ts';
import { canonicalJson, type JsonValue } from '../../../shared/sync/operations.ts';
import { resolveKeyCollisions, type KeyClaim } from '../../../shared/sync/key-collisions.ts';
import { materialiseCollections, materialiseItem, materialiseSettings } from '../../../shared/sync/materialise.ts';
import type { Replica } from '../../../shared/sync/replica.ts';
import type { LibraryOp } from '../library-store/library-store.ts';
import { itemProblem } from '../library-store/library-doc-schema.ts';
import type { ServiceContext } from '../service-context.ts';
import { removeAttachmentFile } from '../attachments/attachment-files.ts';

/**
 * Brings the library to what the replica says for the entities that changed, through the normal commit path
 * (journal, atomic writes, one writer); the change log already holds the operations, so the commit is not
 * recorded again.
 */

export interface Touched {
  items: Iterable<string>;
  collections: boolean;
  settings: boolean;
}

export interface FoldResult {
  itemIds: ItemId[];
  renames: KeyRename[];
  /** Records the library refused (named, so the user can tell the device). */
  refused: string[];
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);

/** Every item's effective key: the key it asks for, suffixed when an item created earlier holds it. */
export function settledKeys(replica: Replica): Map<string, { to: string; from: string; keptBy: string }> {
  const claims: KeyClaim[] = [];
  for (const [id, rec] of replica.items) {
    const key = rec.fields.get('citationKey')?.v;
    if (rec.created !== null && typeof key === 'string') claims.push({ id, key, created: rec.created });
  }
  return new Map(resolveKeyCollisions(claims).map((c) => [c.id, { to: c.to, from: c.from, keptBy: c.keptBy }]));
}

export async function foldIntoStore(ctx: ServiceContext, replica: Replica, touched: Touched, now: string): Promise<FoldResult> {
  const store = ctx.store;
  const settled = settledKeys(replica);
  const liveCollections = new Set(materialiseCollections(replica).map((c) => c.id as string));
  const ids = new Set(touched.items);
  // A key that sync suffixed earlier may be free again, or newly taken: look at every item whose key is not its own.
  for (const item of store.items()) {
    const asked = replica.items.get(item.id)?.fields.get('citationKey')?.v;
    if ((typeof asked === 'string' && asked !== item.citationKey) || settled.has(item.id)) ids.add(item.id);
  }
  const put: Item[] = [];
  const purged: Item[] = [];
  const renames: KeyRename[] = [];
  const refused: string[] = [];
  for (const id of ids) {
    const current = store.getItem(id as ItemId);
    if (replica.isDeleted('item', id)) {
      if (current) purged.push(current);
      continue;
    }
    const rec = replica.items.get(id);
    const item = rec ? materialiseItem(id, rec, (c) => liveCollections.has(c)) : null;
    if (!item) continue;
    const key = settled.get(id);
    if (key) item.citationKey = key.to;
    if (current && same(current, item)) continue;
    const problem = itemProblem(item);
    if (problem) {
      refused.push(`item ${id}: ${problem}`);
      continue;
    }
    if (key && current?.citationKey !== key.to) renames.push({ itemId: item.id, from: key.from, to: key.to, keptBy: key.keptBy as ItemId, at: now });
    put.push(item);
  }
  const ops: LibraryOp[] = [];
  if (put.length > 0) ops.push({ op: 'putItems', items: put });
  if (purged.length > 0) ops.push({ op: 'deleteItems', ids: purged.map((i) => i.id) });
  let collectionsChanged = false;
  if (touched.collections) {
    const next = materialiseCollections(replica);
    const nextIds = new Set(next.map((c) => c.id as string));
    const before = new Map<string, Collection>(store.collections().map((c) => [c.id, c]));
    const changed = next.filter((c) => !same(before.get(c.id), c));
    const gone = [...before.keys()].filter((id) => !nextIds.has(id));
    if (changed.length > 0) ops.push({ op: 'putCollections', collections: changed });
    if (gone.length > 0) ops.push({ op: 'deleteCollections', ids: gone as Collection['id'][] });
    collectionsChanged = changed.length > 0 || gone.length > 0;
  }
  if (touched.settings) {
    const next = materialiseSettings(replica, store.settings());
    if (!same(next, store.settings())) ops.push({ op: 'setSettings', settings: next });
  }
  if (ops.length === 0) return { itemIds: [], renames, refused };
  for (const item of [...put, ...purged]) {
    const old = store.getItem(item.id);
    if (old) ctx.keys.remove(old);
  }
  for (const item of put) ctx.keys.add(item);
  const itemIds = [...put, ...purged].map((i) => i.id);
  await ctx.commit(ops, { items: itemIds, collections: collectionsChanged }, true);
  await removeFilesOf(ctx, purged);
  return { itemIds, renames, refused };
}

async function removeFilesOf(ctx: ServiceContext, purged: readonly Item[]): Promise<void> {
  if (purged.length === 0) return;
  const stillUsed = new Set<string>();
  for (const item of ctx.store.items()) for (const a of item.attachments) stillUsed.add(a.path);
  for (const item of purged) {
    for (const a of item.attachments) {
      if (!stillUsed.has(a.path)) await removeAttachmentFile(ctx.store.folder, a.path).catch(() => undefined);
    }
  }
}
