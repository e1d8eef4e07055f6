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

  apply(op: LibraryOp): void {
    switch (op.op) {
      case 'putItems':
        for (const item of op.items) this.items.set(item.id, item);
        return;
      case 'deleteItems':
        for (const id of op.ids) this.items.delete(id);
        return;
      case 'putCollections': {
        const byId = new Map(this.collections.map((c) => [c.id, c]));
        for (const c of op.collections) byId.set(c.id, c);
        this.collections = [...byId.values()];
        return;
      }
      case 'deleteCollections': {
        const gone = new Set(op.ids);
        this.collections = this.collections.filter((c) => !gone.has(c.id));
        return;
      }
      case 'setSettings':
        this.settings = op.settings;
        return;
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
