import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { KeyRename } from '../../../shared/api/sync-types.ts';
import { jsonEqual, type JsonValue } from '../../../shared/sync/operations.ts';
import { materialiseCollections, materialiseItem, materialiseSettings } from '../../../shared/sync/materialise.ts';
import type { Replica } from '../../../shared/sync/replica.ts';
import type { LibraryOp } from '../library-store/library-store.ts';
import { itemProblem } from '../library-store/library-doc-schema.ts';
import type { ServiceContext } from '../service-context.ts';
import { removeAttachmentFile } from '../attachments/attachment-files.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';

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

const same = (a: unknown, b: unknown): boolean => jsonEqual(a as JsonValue, b as JsonValue);

/** Items per commit: each slice is its own journal record, with the event loop let in between. */
const FOLD_COMMIT = 250;

/** Every item's effective key: the key it asks for, suffixed when an item created earlier holds it. */
export function settledKeys(replica: Replica): Map<string, { to: string; from: string; keptBy: string }> {
  return new Map(replica.keys.settle().map((c) => [c.id, { to: c.to, from: c.from, keptBy: c.keptBy }]));
}

export async function foldIntoStore(ctx: ServiceContext, replica: Replica, touched: Touched, now: string): Promise<FoldResult> {
  const store = ctx.store;
  const slicer = new TimeSlicer(8);
  const settled = settledKeys(replica);
  const liveCollections = new Set(materialiseCollections(replica).map((c) => c.id as string));
  const ids = new Set(touched.items);
  // A key that sync suffixed earlier may be free again, or newly taken: only items of key groups that are crowded
  // or changed can be affected (the first fold after loading sees every group once).
  for (const id of replica.keys.drainUnsettled()) {
    if (slicer.due()) await slicer.yield();
    if (settled.has(id) || store.getItem(id as ItemId)?.citationKey !== replica.keys.asked(id)) ids.add(id);
  }
  const purged: Item[] = [];
  const renames: KeyRename[] = [];
  const refused: string[] = [];
  const done: ItemId[] = [];
  let put: Item[] = [];
  const commitPut = async (): Promise<void> => {
    const slice = put;
    put = [];
    for (const item of slice) {
      const old = store.getItem(item.id);
      if (old) ctx.keys.remove(old);
      ctx.keys.add(item);
    }
    await ctx.commit([{ op: 'putItems', items: slice }], { items: slice.map((i) => i.id) }, true);
    done.push(...slice.map((i) => i.id));
    await slicer.yield();
  };
  for (const id of ids) {
    // Time-sliced: materialising thousands of items must not hold the event loop (the window stays responsive).
    if (slicer.due()) await slicer.yield();
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
    // Large batches go to the store in slices, each its own commit.
    if (put.length >= FOLD_COMMIT) await commitPut();
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
  if (ops.length === 0) return { itemIds: done, renames, refused };
  for (const item of [...put, ...purged]) {
    const old = store.getItem(item.id);
    if (old) ctx.keys.remove(old);
  }
  for (const item of put) ctx.keys.add(item);
  const itemIds = [...done, ...[...put, ...purged].map((i) => i.id)];
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
