import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { opsProblem } from './library-doc-schema.ts';
import { LibraryState } from './library-state.ts';
import type { LibraryOp, LibraryStore, WriteStatus } from './library-store.ts';

/**
 * A LibraryStore that keeps the library in memory, for unit tests of the services. What the services keep beside
 * the library (the change log, caches) goes in `folder`: by default a private temporary folder of this store
 * alone, removed on close, so that no two stores (or test files running side by side) ever share one.
 */
export function createMemoryLibraryStore(doc: LibraryDoc = emptyLibraryDoc(), folder?: string): LibraryStore {
  const own = folder === undefined ? mkdtempSync(join(tmpdir(), 'folio-memory-')) : null;
  const state = new LibraryState(doc);
  const listeners = new Set<(status: WriteStatus) => void>();
  return {
    folder: folder ?? (own as string),
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
    async close() {
      if (own !== null) await rm(own, { recursive: true, force: true });
    },
  };
}
