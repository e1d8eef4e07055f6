import { FolioError } from '../../shared/api/api-error.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import type { Item } from '../../shared/model/item.ts';
import type { EventHub } from './event-hub.ts';
import type { KeyIndex } from '../../shared/library/key-index.ts';
import type { LibraryOp, LibraryStore } from './library-store/library-store.ts';
import { toItemRow } from '../../shared/model/item-row.ts';
import { LibraryViewState } from './view/library-view-state.ts';

/**
 * Sees every commit before the store applies it, with the records it replaces (the change log behind history,
 * undo and sync). `recorded`: the ops come from the log itself (sync, undo), so they are not recorded again.
 * Returns what to wait for before the commit counts as done.
 */
export interface CommitObserver {
  beforeCommit(ops: readonly LibraryOp[], store: LibraryStore, recorded: boolean): Promise<void> | null;
}

/** What every group of API methods needs: the store, the key index and the event hub. */
export class ServiceContext {
  readonly store: LibraryStore;
  readonly keys: KeyIndex;
  readonly hub: EventHub;
  /** Filter, sort and counts for the windows, kept in step with every commit. */
  readonly view: LibraryViewState;
  private readonly clock: () => Date;
  /** Set once by the composition root. */
  commitObserver: CommitObserver | null = null;

  constructor(store: LibraryStore, keys: KeyIndex, hub: EventHub, clock: () => Date = () => new Date()) {
    this.store = store;
    this.keys = keys;
    this.hub = hub;
    this.clock = clock;
    this.view = new LibraryViewState(
      function* rows() {
        for (const item of store.items()) yield toItemRow(item);
      },
      (id) => {
        const item = store.getItem(id);
        return item ? toItemRow(item) : undefined;
      },
    );
  }

  now(): string {
    return this.clock().toISOString();
  }

  requireItem(id: ItemId): Item {
    const item = this.store.getItem(id);
    if (!item) throw new FolioError('NOT_FOUND', `No item with id ${id}`, { id });
    return item;
  }

  requireItems(ids: readonly ItemId[]): Item[] {
    return ids.map((id) => this.requireItem(id));
  }

  /** Commits, waits until durable, then tells every window what changed. */
  async commit(ops: LibraryOp[], changed: { items?: ItemId[] | 'all'; collections?: boolean }, recorded = false): Promise<void> {
    const observed = this.commitObserver?.beforeCommit(ops, this.store, recorded) ?? null;
    const done = this.store.commit(ops);
    const items = changed.items ?? [];
    // Windows can redraw from memory at once (the event carries the changed rows); durability is awaited before the call returns.
    this.hub.emit('onLibraryChanged', { itemIds: items, collectionsChanged: changed.collections ?? false, ...this.view.afterCommit(ops, items) });
    await done;
    await observed;
  }

  /** Replaces items with edited copies (new objects: the store never sees in-place mutation). */
  async putItems(items: Item[], collections = false): Promise<void> {
    if (items.length === 0) return;
    await this.commit([{ op: 'putItems', items }], { items: items.map((i) => i.id), collections });
  }
}
