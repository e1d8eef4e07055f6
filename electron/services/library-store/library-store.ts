import type { Collection } from '../../../shared/model/collection.ts';
import type { CollectionId, ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { SalvageReport } from '../../../shared/api/library-types.ts';
import type { LibrarySettings } from '../../../shared/model/library-doc.ts';

/** One change to the library. Journalled as-is and replayed in order. */
export type LibraryOp =
  | { op: 'putItems'; items: Item[] }
  | { op: 'deleteItems'; ids: ItemId[] }
  | { op: 'putCollections'; collections: Collection[] }
  | { op: 'deleteCollections'; ids: CollectionId[] }
  | { op: 'setSettings'; settings: LibrarySettings };

export interface WriteStatus {
  ok: boolean;
  /** Human-readable: "Could not save library.json: disk full (ENOSPC). Your changes are kept in memory and retried." */
  message: string;
  /** Set with ok: true for something to tell the user once, such as an external edit that was kept aside. */
  warning?: boolean;
}

/**
 * The library as the services see it. Objects it returns are never mutated
 * in place: a change is a new object in a `putItems` op.
 */
export interface LibraryStore {
  /** Absolute path of the library folder. */
  readonly folder: string;
  /** Things the user must be told after opening (restored from backup, ...). */
  readonly warnings: readonly string[];
  /** Set when this open salvaged a damaged library.json and something may be lost (see LibraryInfo.salvage). */
  readonly salvage: SalvageReport | null;
  readonly schemaVersion: number;
  lastWriteError(): string | null;

  getItem(id: ItemId): Item | undefined;
  /** Items in insertion order. */
  items(): IterableIterator<Item>;
  itemCount(): number;
  collections(): readonly Collection[];
  settings(): LibrarySettings;

  /**
   * Applies the ops in memory at once (reads see them immediately) and
   * resolves when they are durable on disk. Commits in the same tick are
   * written together. A failed write keeps the change in memory, reports it
   * through onWriteStatus and is retried; the promise resolves once written.
   */
  commit(ops: LibraryOp[]): Promise<void>;
  onWriteStatus(listener: (status: WriteStatus) => void): () => void;

  /** Folds everything into library.json now and waits for it. Rejects if it cannot be written. */
  flush(): Promise<void>;
  /** Flushes, stops background work and releases the lock. */
  close(): Promise<void>;
}

export type LibraryOwner = 'electron' | 'cli' | 'web' | 'test';
