import { join, resolve } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { requireRegularFile } from './file-kinds.ts';
import { scanJournal } from './journal.ts';
import { LibraryFileAdapter } from './library-file.ts';
import { LibraryState } from './library-state.ts';
import type { LibraryStore } from './library-store.ts';
import { errorCode, nodeStoreFs, type StoreFs } from './store-fs.ts';

/** Errors that say the disk takes no writes at all, so even the lock cannot be written. */
const CANNOT_WRITE = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

export function isDiskUnwritable(error: unknown): boolean {
  const code = error instanceof FolioError ? error.details?.code : errorCode(error);
  return typeof code === 'string' && CANNOT_WRITE.has(code);
}

/**
 * The library as it is on disk, for reading only, without the lock: what a read-only command
 * (list, export) gets when the disk cannot take even the lock file. Nothing is written, not even
 * the repairs an ordinary open makes; a damaged library.json is reported, not replaced.
 */
export async function openReadOnlySnapshot(folder: string, reason: string, fs: StoreFs = nodeStoreFs): Promise<LibraryStore> {
  const root = resolve(folder);
  await requireRegularFile(fs, join(root, 'library.json'));
  await requireRegularFile(fs, join(root, 'library.journal'));
  const outcome = await new LibraryFileAdapter(join(root, 'library.json'), { fs }).inspect();
  if (outcome.kind === 'unreadable') {
    throw new FolioError('IO', `Could not open the library ${root}: library.json could not be read (${outcome.reason}), and it cannot be repaired while ${reason}.`, { folder: root });
  }
  const doc = outcome.kind === 'ok' ? outcome.doc : emptyLibraryDoc();
  const state = new LibraryState(doc);
  // Replays what the journal holds beyond library.json; a torn or damaged tail is left for the next writable open.
  for (const record of (await scanJournal(fs, join(root, 'library.journal'))).records) {
    if (record.seq <= doc.journalSeq) continue;
    for (const op of record.ops) state.apply(op);
  }
  const refusal = `The library ${root} is open read-only because ${reason}; nothing was changed. Free some space and try again.`;
  return {
    folder: root,
    warnings: [`${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}, so the library was opened read-only (no lock, no repairs, nothing written).`],
    salvage: null,
    schemaVersion: state.schemaVersion,
    lastWriteError: () => null,
    getItem: (id) => state.items.get(id),
    items: () => state.items.values(),
    itemCount: () => state.items.size,
    collections: () => state.collections,
    settings: () => state.settings,
    commit: () => Promise.reject(new FolioError('IO', refusal, { folder: root })),
    onWriteStatus: () => () => undefined,
    flush: async () => undefined,
    close: async () => undefined,
  };
}
