import { basename, dirname } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { SalvageReport } from '../../../shared/api/library-types.ts';
import { emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { describeBackup } from './backups.ts';
import { canonicalJson } from './canonical-json.ts';
import { describeLines, isLossless, salvageLibraryBytes, type SalvagedLibrary } from './library-salvage.ts';
import type { RecoveryContext } from './library-recovery.ts';
import { moveAside } from './stamped-names.ts';
import { readWholeFile } from './store-fs.ts';

export interface SalvageOutcome {
  doc: LibraryDoc;
  warnings: string[];
  salvage: SalvageReport | null;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** Every readable item is in the backup exactly as in the file: restoring the backup loses nothing the file could still give. */
function coveredBy(salvaged: SalvagedLibrary, backup: LibraryDoc): boolean {
  const byId = new Map(backup.items.map((item) => [item.id, item]));
  return salvaged.doc.items.every((item) => sameJson(item, byId.get(item.id)));
}

/** The readable part of the file, completed from the backup where the file lost something. */
function combine(salvaged: SalvagedLibrary | null, backup: LibraryDoc | null): { doc: LibraryDoc; fromBackup: number } {
  const kept = salvaged?.doc ?? emptyLibraryDoc();
  if (!backup || (salvaged && isLossless(salvaged))) return { doc: kept, fromBackup: 0 };
  const ids = new Set(kept.items.map((item) => item.id));
  const extra = backup.items.filter((item) => !ids.has(item.id));
  const collectionIds = new Set(kept.collections.map((c) => c.id));
  return {
    doc: {
      ...kept,
      settings: salvaged?.settingsKept ? kept.settings : backup.settings,
      collections: [...kept.collections, ...backup.collections.filter((c) => !collectionIds.has(c.id))],
      items: [...kept.items, ...extra],
    },
    fromBackup: extra.length,
  };
}

function lossText(salvaged: SalvagedLibrary | null): string {
  if (!salvaged) return 'Nothing in it could be read';
  const parts = [`${salvaged.doc.items.length} item(s) and ${salvaged.doc.collections.length} collection(s) could be read from it line by line`];
  if (salvaged.unreadableLines.length > 0) parts.push(`${describeLines(salvaged.unreadableLines)} could not be read`);
  if (!salvaged.complete) parts.push('the file ends early, so anything after its last readable line is lost');
  if (!salvaged.settingsKept) parts.push('its settings line could not be read');
  if (salvaged.latin1Lines.length > 0) parts.push(`${describeLines(salvaged.latin1Lines)} were not UTF-8 and were read as Windows-1252`);
  return parts.join('; ');
}

/**
 * A library.json that does not parse: keep what its lines still hold rather than swapping in an
 * older backup or an empty library. Returns null when the newest verified backup holds everything
 * the file could give (the caller restores it, as before). When something may be lost and the
 * caller did not accept that, refuses with FolioError before anything is moved or written.
 */
export async function salvageDamagedLibrary(ctx: RecoveryContext, reason: string): Promise<SalvageOutcome | null> {
  const salvaged = salvageLibraryBytes(await readWholeFile(ctx.fs, ctx.adapter.path));
  const found = await ctx.backups.newestVerified();
  const backup = found.backup ? found.doc : null;
  if (backup && (!salvaged || (!isLossless(salvaged) && coveredBy(salvaged, backup)))) return null;

  const lossless = salvaged !== null && isLossless(salvaged);
  const { doc, fromBackup } = combine(salvaged, backup);
  const backupText = found.backup
    ? fromBackup > 0
      ? ` ${fromBackup} item(s) that were not among the readable lines were taken from ${describeBackup(found.backup)} (items deleted since that backup may be back).`
      : ''
    : ' No verified backup was found in backups/ to fill the gaps.';
  const skipped = found.skipped.length > 0 ? ` Newer backups that failed verification were skipped: ${found.skipped.join(', ')}.` : '';
  const empty = doc.items.length === 0 ? ' The library is now EMPTY: your items are only in the damaged file.' : '';
  if (!lossless && !ctx.acceptSalvage) {
    const folder = dirname(ctx.adapter.path);
    throw new FolioError(
      'IO',
      `library.json in ${folder} is damaged (${reason}). ${lossText(salvaged)}.${backupText}${skipped} Nothing was changed. ` +
        `To go on with what could be read, run the command again with --accept-salvage: the damaged file is then kept aside byte for byte as library.json.damaged-….`,
      { folder, salvage: true },
    );
  }

  const aside = basename(await moveAside(ctx.fs, ctx.adapter.path, 'damaged', ctx.now()));
  ctx.low.data = doc;
  await ctx.low.write();
  const head = `library.json could not be read as a whole: ${reason}. It was moved to ${aside} unchanged.`;
  if (lossless) {
    return { doc, warnings: [`${head} Every line of it could still be read, so nothing was lost: ${lossText(salvaged)}.`], salvage: null };
  }
  const message = `${head} ${lossText(salvaged)}.${backupText}${skipped}${empty} Check the library, and compare with ${aside} if something is missing.`;
  const report: SalvageReport = {
    damagedFile: aside,
    itemsKept: salvaged?.doc.items.length ?? 0,
    itemsFromBackup: fromBackup,
    unreadableLines: salvaged?.unreadableLines ?? [],
    endsEarly: salvaged !== null && !salvaged.complete,
    message,
  };
  return { doc, warnings: [message], salvage: report };
}
