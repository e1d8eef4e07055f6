import { basename } from 'node:path';
import type { Low } from 'lowdb';
import type { SalvageReport } from '../../../shared/api/library-types.ts';
import { emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { describeBackup, type BackupShelf } from './backups.ts';
import type { LibraryFileAdapter } from './library-file.ts';
import { salvageDamagedLibrary } from './salvage-plan.ts';
import { moveAside } from './stamped-names.ts';
import type { StoreFs } from './store-fs.ts';

export interface LoadedLibrary {
  doc: LibraryDoc;
  warnings: string[];
  /** library.json was read as the user left it: back it up at open if it changed since the newest backup. */
  readAsIs: boolean;
  /** There was no library.json and no backup to restore: a new library, unless the journal says otherwise. */
  startedEmpty: boolean;
  /** A damaged library.json was salvaged and something may be lost. */
  salvage: SalvageReport | null;
}

export interface RecoveryContext {
  fs: StoreFs;
  low: Low<LibraryDoc>;
  adapter: LibraryFileAdapter;
  backups: BackupShelf;
  now: () => Date;
  /** Go on with a salvage that may have lost something; false refuses it with FolioError, changing nothing (the CLI without --accept-salvage). */
  acceptSalvage: boolean;
}

/**
 * Loads library.json, never overwriting what could not be read: a damaged or
 * too-new file is moved aside unchanged and the newest verified backup takes
 * its place; a missing file is restored from backups when there are any.
 */
export async function loadLibrary(ctx: RecoveryContext): Promise<LoadedLibrary> {
  const { adapter, low, backups } = ctx;
  const outcome = await adapter.inspect();

  if (outcome.kind === 'ok') {
    if (outcome.migratedFrom === null) return { doc: outcome.doc, warnings: [], readAsIs: true, startedEmpty: false, salvage: null };
    // The old file goes to backups before the migrated one replaces it, so a bad migration can be undone by hand.
    await backups.take(adapter.path, ctx.now());
    low.data = outcome.doc;
    await low.write();
    return { doc: outcome.doc, warnings: [], readAsIs: false, startedEmpty: false, salvage: null };
  }

  if (outcome.kind === 'unreadable') {
    const salvaged = await salvageDamagedLibrary(ctx, outcome.reason);
    if (salvaged) return { ...salvaged, readAsIs: false, startedEmpty: false };
    const aside = await moveAside(ctx.fs, adapter.path, 'damaged', ctx.now());
    const restored = await restoreNewest(ctx);
    const what = `library.json could not be read: ${outcome.reason}. It was moved to ${basename(aside)} unchanged`;
    const warning = `${what}, and the library was restored from ${restored.from}.${restored.skippedNote}`;
    return { doc: restored.doc ?? (await writeEmpty(low)), warnings: [warning], readAsIs: false, startedEmpty: restored.doc === null, salvage: null };
  }

  const existing = await backups.list();
  if (existing.length === 0) return { doc: await writeEmpty(low), warnings: [], readAsIs: false, startedEmpty: true, salvage: null };
  const restored = await restoreNewest(ctx);
  const warning = restored.doc
    ? `library.json was missing, so the library was restored from ${restored.from}.${restored.skippedNote}`
    : `library.json was missing and none of the ${existing.length} backup(s) in backups/ could be verified, so Folio started an empty library. The backups were left in place.`;
  return { doc: restored.doc ?? (await writeEmpty(low)), warnings: [warning], readAsIs: false, startedEmpty: restored.doc === null, salvage: null };
}

async function restoreNewest(ctx: RecoveryContext): Promise<{ doc: LibraryDoc | null; from: string; skippedNote: string }> {
  const found = await ctx.backups.newestVerified();
  const skippedNote = found.skipped.length > 0 ? ` Newer backups that failed verification were skipped: ${found.skipped.join(', ')}.` : '';
  if (found.backup === null) return { doc: null, from: '', skippedNote };
  ctx.low.data = found.doc;
  await ctx.low.write();
  return { doc: found.doc, from: describeBackup(found.backup), skippedNote };
}

async function writeEmpty(low: Low<LibraryDoc>): Promise<LibraryDoc> {
  const doc = emptyLibraryDoc();
  low.data = doc;
  await low.write();
  return doc;
}
