import { emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { opsProblem } from './library-doc-schema.ts';
import { LibraryState } from './library-state.ts';
import type { LibraryOp, LibraryStore, WriteStatus } from './library-store.ts';

/** A LibraryStore that never touches disk, for unit tests of the services. */
export function createMemoryLibraryStore(doc: LibraryDoc = emptyLibraryDoc(), folder = '/memory'): LibraryStore {
  const state = new LibraryState(doc);
  const listeners = new Set<(status: WriteStatus) => void>();
  return {
    folder,
    warnings: [],
    salvage: null,
    schemaVersion: state.schemaVersion,
    lastWriteError: () => null,
    getItem: (id) => state.items.get(id),
    items: () => state.items.values(),
    itemCount: () => state.items.size,
    collections: () => state.collections,
    settings: () => state.settings,
    async commit(ops: LibraryOp[]) {
      const problem = opsProblem(ops);
      if (problem) throw new FolioError('INVALID_ARGUMENT', `Invalid library change (${problem}); nothing was changed.`);
      for (const op of ops) state.apply(op);
    },
    onWriteStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async flush() {},
    async close() {},
  };
}
