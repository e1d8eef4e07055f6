import type { Item } from '../../../shared/model/item.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Collection } from '../../../shared/model/collection.ts';
import type { LibrarySettings } from '../../../shared/model/library-doc.ts';
import type { Replica } from '../../../shared/sync/replica.ts';
import { collectionDrafts, itemDrafts, settingsDrafts, type OpDraft } from '../../../shared/sync/capture.ts';
import { materialiseCollections, materialiseItem, materialiseSettings } from '../../../shared/sync/materialise.ts';
import { jsonEqual, type JsonValue } from '../../../shared/sync/operations.ts';
import type { LibraryOp, LibraryStore } from '../library-store/library-store.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';
import type { PendingFold } from './fold-pending.ts';

/**
 * The library as it was when the change log's load began. Changes committed while the load runs record here, before
 * the store takes them, what they replace (the first such record of an item wins), so the catch-up compares the
 * replica with that state and each change is then logged on its own, once.
 */
export class LibraryBefore {
  readonly items = new Map<ItemId, Item | undefined>();
  readonly collections: readonly Collection[];
  readonly settings: LibrarySettings;

  constructor(store: LibraryStore) {
    this.collections = store.collections();
    this.settings = store.settings();
  }

  /** Called before `ops` reach the store. */
  note(ops: readonly LibraryOp[], store: LibraryStore): void {
    const keep = (id: ItemId) => {
      if (!this.items.has(id)) this.items.set(id, store.getItem(id));
    };
    for (const op of ops) {
      if (op.op === 'putItems') for (const item of op.items) keep(item.id);
      if (op.op === 'deleteItems') for (const id of op.ids) keep(id);
    }
  }

  /** An item as it was at the start (undefined: it did not exist). */
  item(id: ItemId, store: LibraryStore): Item | undefined {
    return this.items.has(id) ? this.items.get(id) : store.getItem(id);
  }
}

// Compared in place: building both canonical texts took most of a 50k library's history load (3 s of 10.7 s).
const same = (a: unknown, b: unknown): boolean => jsonEqual(a as JsonValue, b as JsonValue);

/**
 * Operations that bring the replica to what the library held when `before` was taken (keys settled by sync are the
 * library's own). Works in slices of the event loop: changes may commit meanwhile, and `before` keeps what they replaced.
 */
export async function reconcileDrafts(store: LibraryStore, replica: Replica, before: LibraryBefore, pending: PendingFold | null = null): Promise<OpDraft[]> {
  const drafts: OpDraft[] = [];
  const slicer = new TimeSlicer(8, { background: true });
  const pendingItems = new Set(pending?.items ?? []);
  const ids = new Set<ItemId>();
  for (const item of store.items()) ids.add(item.id);
  const visit = (item: Item) => {
    if (pendingItems.has(item.id) || replica.isDeleted('item', item.id)) return;
    const rec = replica.items.get(item.id);
    const was = rec ? materialiseItem(item.id, rec) ?? undefined : undefined;
    if (was && sameButKey(was, item, rec?.fields.get('citationKey')?.v)) return;
    drafts.push(...itemDrafts(was, item));
  };
  for (const id of ids) {
    if (slicer.due()) await slicer.yield();
    const item = before.item(id, store);
    if (item) visit(item);
  }
  // Items deleted since the load began (and before this pass listed the library).
  for (const [id, item] of before.items) if (item && !ids.has(id)) visit(item);
  const collections = new Map<string, Collection>(materialiseCollections(replica).map((c) => [c.id, c]));
  for (const coll of pending?.collections ? [] : before.collections) {
    if (replica.isDeleted('coll', coll.id)) continue;
    const was = collections.get(coll.id);
    if (!was || !same(was, coll)) drafts.push(...collectionDrafts(was, coll));
  }
  if (!pending?.settings) drafts.push(...settingsDrafts(materialiseSettings(replica, before.settings), before.settings));
  return drafts;
}

function sameButKey(fromReplica: Item, inLibrary: Item, registerKey: unknown): boolean {
  if (same(fromReplica, inLibrary)) return true;
  // An item whose key sync suffixed: its register keeps the key it asked for.
  return registerKey === fromReplica.citationKey && same({ ...fromReplica, citationKey: inLibrary.citationKey }, inLibrary) && fromReplica.citationKey !== inLibrary.citationKey;
}
