import { join, relative, resolve } from 'node:path';
import { Low } from 'lowdb';
import { FolioError } from '../../../shared/api/api-error.ts';
import { emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { BackupShelf } from './backups.ts';
import { DiskLibraryStore } from './disk-library-store.ts';
import { openJournal } from './journal.ts';
import { LibraryFileAdapter } from './library-file.ts';
import { requireRegularFile } from './file-kinds.ts';
import { LOCK_FILE, acquireLibraryLock, type LibraryLock } from './library-lock.ts';
import { loadLibrary } from './library-recovery.ts';
import { LibraryState } from './library-state.ts';
import type { LibraryOwner } from './library-store.ts';
import { LIBRARY_MIGRATIONS, type LibraryMigration } from './migrations.ts';
import { removeRowsCache } from './rows-cache.ts';
import { errorCode, nodeStoreFs, type StoreFs } from './store-fs.ts';
import { DEFAULT_TUNING, type StoreTuning } from './store-tuning.ts';
import { parseTempName } from './write-file-atomic.ts';
import { WriteHealth, writeErrorReason } from './write-health.ts';

export const LIBRARY_FILE = 'library.json';
export const JOURNAL_FILE = 'library.journal';
export const BACKUPS_DIR = 'backups';
export const ATTACHMENTS_DIR = 'attachments';

export interface OpenLibraryStoreOptions {
  owner: LibraryOwner;
  now?: () => Date;
  /** File-system seam for tests (inject ENOSPC, EACCES ...). Defaults to node:fs/promises. */
  fs?: StoreFs;
  /** Schema migrations; defaults to LIBRARY_MIGRATIONS. Tests pass fake ones. */
  migrations?: readonly LibraryMigration[];
  tuning?: Partial<StoreTuning>;
  /** A lock already taken with lockLibraryFolder on this folder; the store owns it from here (released on close or on a failed open). */
  lock?: LibraryLock;
  /** Write rows-cache.json at a clean close. Every open drops the old one, whoever opens. */
  rowsCache?: boolean;
  /** Fail a commit whose write fails instead of retrying it; defaults to true for the CLI, which must end and say why. */
  failFast?: boolean;
  /**
   * Go on with a damaged library.json from which not everything could be read (see LibraryInfo.salvage).
   * Defaults to true except for the CLI, which refuses unless --accept-salvage is given.
   */
  acceptSalvage?: boolean;
  /**
   * Take the backup of library.json as read at the first change instead of at open; defaults to true for the CLI,
   * whose read-only commands (list, export, search) so never copy, hash or verify a whole backup.
   */
  backupOnFirstChange?: boolean;
}

/**
 * Takes folio.lock (creating the folder if needed), so a caller can refuse a
 * locked library at once and only then start the (longer) load.
 * Rejects with FolioError('LOCKED') if another live process holds the library.
 */
export async function lockLibraryFolder(folder: string, owner: LibraryOwner, options: { fs?: StoreFs; now?: () => Date } = {}): Promise<LibraryLock> {
  const fs = options.fs ?? nodeStoreFs;
  const root = resolve(folder);
  try {
    await fs.mkdir(root, { recursive: true });
  } catch (error) {
    throw asOpenError(root, error);
  }
  await requireRegularFile(fs, join(root, LOCK_FILE));
  return acquireLibraryLock(root, owner, { fs, now: options.now ?? (() => new Date()) }).catch((error: unknown) => {
    throw asOpenError(root, error);
  });
}

/**
 * Opens (or creates) the library in `folder`: takes folio.lock, loads
 * library.json (restoring from backup if it cannot be read), replays the
 * journal, and returns a store whose commits are durable when they resolve.
 * Rejects with FolioError('LOCKED') if another live process holds the library
 * (unless options.lock is given).
 */
export async function openLibraryStore(folder: string, options: OpenLibraryStoreOptions): Promise<DiskLibraryStore> {
  const fs = options.fs ?? nodeStoreFs;
  const now = options.now ?? (() => new Date());
  const tuning: StoreTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const migrations = options.migrations ?? LIBRARY_MIGRATIONS;
  const root = resolve(folder);
  const lock = options.lock ?? (await lockLibraryFolder(root, options.owner, { fs, now }));
  try {
    await requireRegularFile(fs, join(root, LIBRARY_FILE));
    await requireRegularFile(fs, join(root, JOURNAL_FILE));
    await fs.mkdir(join(root, BACKUPS_DIR), { recursive: true });
    await fs.mkdir(join(root, ATTACHMENTS_DIR), { recursive: true });
    await removeStaleTemps(fs, root);
    await removeStaleTemps(fs, join(root, BACKUPS_DIR));
    // The cache lives only from a clean close to the next open, so a session that ends in a crash
    // can never leave one behind that looks valid (mtime resolution is 2 s on some file systems).
    // A process that changes the library without writing a new cache (the CLI) must not leave the old one behind either.
    await removeRowsCache(fs, root);

    const adapter = new LibraryFileAdapter(join(root, LIBRARY_FILE), { fs, migrations, sliceMs: tuning.sliceMs });
    const low = new Low<LibraryDoc>(adapter, emptyLibraryDoc());
    const backups = new BackupShelf(join(root, BACKUPS_DIR), { fs, migrations, keep: tuning.backupsKept });
    const loaded = await loadLibrary({ fs, low, adapter, backups, now, acceptSalvage: options.acceptSalvage ?? options.owner !== 'cli' });
    const journal = await openJournal(fs, join(root, JOURNAL_FILE), { now, sliceMs: tuning.sliceMs });

    const state = new LibraryState(loaded.doc);
    let memSeq = loaded.doc.journalSeq;
    let replayed = 0;
    for (const record of journal.records) {
      if (record.seq <= loaded.doc.journalSeq) continue;
      for (const op of record.ops) state.apply(op);
      memSeq = record.seq;
      replayed++;
    }
    const warnings = [...loaded.warnings, ...journal.warnings, ...(await externalVersionWarnings(fs, root))];
    if (loaded.startedEmpty && replayed > 0) {
      warnings.push(`library.json was missing, so the library was rebuilt from the ${replayed} change(s) in ${JOURNAL_FILE}; anything older than those is not in it.`);
    }

    const store = new DiskLibraryStore({
      folder: root,
      fs,
      lock,
      state,
      low,
      adapter,
      journal: journal.writer,
      backups,
      health: new WriteHealth(),
      tuning,
      now,
      warnings,
      foldedSeq: loaded.doc.journalSeq,
      memSeq,
      lastBackupAt: (await backups.list())[0]?.takenAt ?? null,
      rowsCache: options.rowsCache ?? false,
      failFast: options.failFast ?? options.owner === 'cli',
      salvage: loaded.salvage,
    });
    store.start({ backupAtOpen: loaded.readAsIs ? adapter.fingerprint() : null, replayed, backupOnFirstChange: options.backupOnFirstChange ?? options.owner === 'cli' });
    return store;
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw asOpenError(root, error);
  }
}

function asOpenError(root: string, error: unknown): FolioError {
  if (error instanceof FolioError) return error;
  const code = errorCode(error);
  const path = typeof error === 'object' && error !== null && 'path' in error ? String((error as { path: unknown }).path) : '';
  const reason = code ? `${writeErrorReason(error)}${path ? ` (at ${relative(root, path) || path})` : ''}` : error instanceof Error ? error.message : String(error);
  return new FolioError('IO', `Could not open the library ${root}: ${reason}`, code ? { folder: root, code } : { folder: root });
}

/**
 * Versions of library.json that another writer saved while Folio had the library open (the lock
 * deleted by hand, a sync tool) were kept aside, never merged: said at every open while they are
 * there, as their changes are in no library until the user merges them.
 */
async function externalVersionWarnings(fs: StoreFs, root: string): Promise<string[]> {
  const kept = (await fs.readdir(root)).filter((name) => name.startsWith(`${LIBRARY_FILE}.external-`)).sort();
  if (kept.length === 0) return [];
  const names = kept.join(', ');
  return [
    `${names} ${kept.length === 1 ? 'holds a version' : 'hold versions'} of library.json that another program or Folio process saved while this library was open ` +
      `(was folio.lock deleted by hand?). Their changes are not in the library: compare them with it, copy over what you need, then delete ${kept.length === 1 ? 'the file' : 'them'}.`,
  ];
}

/** Temp files of a crashed writer. We hold the lock, so no other process is writing here; our own process's are left alone. */
async function removeStaleTemps(fs: StoreFs, dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    const temp = parseTempName(name);
    if (temp && temp.pid !== process.pid) await fs.unlink(join(dir, name)).catch(() => undefined);
  }
}
