import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { LibraryDoc, LibrarySettings } from '../../../shared/model/library-doc.ts';
import type { LibraryOp } from './library-store.ts';

/** The library in memory, indexed by id. Shared by every store and by compaction. */
export class LibraryState {
  readonly items = new Map<ItemId, Item>();
  collections: Collection[] = [];
  settings: LibrarySettings;
  schemaVersion: number;
  journalSeq: number;

  constructor(doc: LibraryDoc) {
    for (const item of doc.items) this.items.set(item.id, item);
    this.collections = [...doc.collections];
    this.settings = doc.settings;
    this.schemaVersion = doc.schemaVersion;
    this.journalSeq = doc.journalSeq;
  }

  /**
   * Applies `op` and returns its undo, for a change that could not be saved. The undo only puts back
   * what is still as this op left it: a later change to the same item or list is never reverted.
   */
  apply(op: LibraryOp): () => void {
    switch (op.op) {
      case 'putItems': {
        const before = op.items.map((item) => this.items.get(item.id));
        for (const item of op.items) this.items.set(item.id, item);
        return () => {
          op.items.forEach((item, i) => {
            if (this.items.get(item.id) !== item) return;
            const previous = before[i];
            if (previous) this.items.set(item.id, previous);
            else this.items.delete(item.id);
          });
        };
      }
      case 'deleteItems': {
        const gone = op.ids.map((id) => this.items.get(id)).filter((item): item is Item => item !== undefined);
        for (const id of op.ids) this.items.delete(id);
        return () => {
          for (const item of gone) if (!this.items.has(item.id)) this.items.set(item.id, item);
        };
      }
      case 'putCollections': {
        const before = this.collections;
        const byId = new Map(this.collections.map((c) => [c.id, c]));
        for (const c of op.collections) byId.set(c.id, c);
        const after = (this.collections = [...byId.values()]);
        return () => {
          if (this.collections === after) this.collections = before;
        };
      }
      case 'deleteCollections': {
        const before = this.collections;
        const gone = new Set(op.ids);
        const after = (this.collections = this.collections.filter((c) => !gone.has(c.id)));
        return () => {
          if (this.collections === after) this.collections = before;
        };
      }
      case 'setSettings': {
        const before = this.settings;
        this.settings = op.settings;
        return () => {
          if (this.settings === op.settings) this.settings = before;
        };
      }
    }
  }

  toDoc(): LibraryDoc {
    return {
      schemaVersion: this.schemaVersion,
      journalSeq: this.journalSeq,
      settings: this.settings,
      collections: this.collections,
      items: [...this.items.values()],
    };
  }
}
