import { join } from 'node:path';
import type { Collection } from '../../../shared/model/collection.ts';
import type { Item, ItemRow } from '../../../shared/model/item.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { scanJournal } from './journal.ts';
import { collectionSchema } from './library-doc-schema.ts';
import { isNotFound, readWholeFile, type StoreFs } from './store-fs.ts';
import { TextFileWriter } from './text-writer.ts';
import { TimeSlicer } from './time-slicer.ts';
import { replaceFileAtomic } from './write-file-atomic.ts';

export const ROWS_CACHE_FILE = 'rows-cache.json';
/** 2: rows carry annotationCount. A cache of another version is ignored and deleted. */
export const ROWS_CACHE_VERSION = 2;

/** What the cache was derived from: valid only while library.json and the journal are still exactly that. */
export interface RowsCacheStamp {
  version: number;
  libraryJson: { size: number; mtimeMs: number };
  journalSeq: number;
  schemaVersion: number;
  /** The sidebar needs them before the first paint too; a few hundred at most. */
  collections: Collection[];
}

export interface RowsCache extends RowsCacheStamp {
  rows: ItemRow[];
}

const collectionList = collectionSchema.array();

/**
 * Writes rows-cache.json (atomically) from the items as they are in library.json now. Called at a
 * clean close, after the last compaction. Layout: the stamp on the first line, then one row per
 * line; the whole file is one JSON document, which is how it is read back (readRowsCache).
 */
export async function writeRowsCache(
  fs: StoreFs,
  folder: string,
  items: Iterable<Item>,
  meta: { journalSeq: number; schemaVersion: number; collections: readonly Collection[]; libraryFile: string; sliceMs: number },
): Promise<void> {
  const stat = await fs.stat(meta.libraryFile);
  const stamp: RowsCacheStamp = {
    version: ROWS_CACHE_VERSION,
    libraryJson: { size: stat.size, mtimeMs: stat.mtimeMs },
    journalSeq: meta.journalSeq,
    schemaVersion: meta.schemaVersion,
    collections: [...meta.collections],
  };
  const slicer = new TimeSlicer(meta.sliceMs);
  await replaceFileAtomic(join(folder, ROWS_CACHE_FILE), async (fh) => {
    const writer = new TextFileWriter(fh);
    await writer.write(JSON.stringify(stamp).slice(0, -1) + ',"rows":[');
    let first = true;
    for (const item of items) {
      await writer.write((first ? '\n' : ',\n') + JSON.stringify(toItemRow(item)));
      first = false;
      if (slicer.due()) await slicer.yield();
    }
    await writer.write('\n]}\n');
    await writer.end();
  }, fs);
}

export async function removeRowsCache(fs: StoreFs, folder: string): Promise<void> {
  await fs.unlink(join(folder, ROWS_CACHE_FILE)).catch(() => undefined);
}

function stampOf(line: string): RowsCacheStamp | null {
  try {
    const value = JSON.parse(line + ']}') as Partial<RowsCacheStamp> & { rows?: unknown };
    const lib = value.libraryJson;
    const ok =
      value.version === ROWS_CACHE_VERSION && typeof lib === 'object' && lib !== null && typeof lib.size === 'number' &&
      typeof lib.mtimeMs === 'number' && typeof value.journalSeq === 'number' && typeof value.schemaVersion === 'number' &&
      Array.isArray(value.rows) && value.rows.length === 0 && collectionList.safeParse(value.collections).success;
    if (!ok) return null;
    return { version: ROWS_CACHE_VERSION, libraryJson: lib, journalSeq: value.journalSeq as number, schemaVersion: value.schemaVersion as number, collections: value.collections as Collection[] };
  } catch {
    return null;
  }
}

/** True when library.json and library.journal are still what the cache was derived from. */
async function stampHolds(fs: StoreFs, stamp: RowsCacheStamp, libraryFile: string, journalFile: string): Promise<boolean> {
  try {
    const stat = await fs.stat(libraryFile);
    if (stat.size !== stamp.libraryJson.size || stat.mtimeMs !== stamp.libraryJson.mtimeMs) return false;
  } catch {
    return false;
  }
  const journal = await scanJournal(fs, journalFile);
  if (journal.tornTail || journal.damagedLine !== null) return false;
  return journal.records.every((record) => record.seq <= stamp.journalSeq);
}

const STRING_FIELDS = ['key', 'type', 'title', 'authors', 'venue', 'addedAt', 'modifiedAt'] as const;
const BOOLEAN_FIELDS = ['flagged', 'trashed', 'hasNote', 'hasPdf'] as const;

function isRow(value: unknown): value is ItemRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const row = value as Record<string, unknown>;
  if (typeof row.id !== 'string' || row.id.length === 0) return false;
  for (const field of STRING_FIELDS) if (typeof row[field] !== 'string') return false;
  for (const field of BOOLEAN_FIELDS) if (typeof row[field] !== 'boolean') return false;
  if (row.year !== null && typeof row.year !== 'number') return false;
  if (!Number.isInteger(row.annotationCount) || (row.annotationCount as number) < 0) return false;
  if (row.read !== 'unread' && row.read !== 'reading' && row.read !== 'read') return false;
  if (!Array.isArray(row.tags) || !row.tags.every((t) => typeof t === 'string')) return false;
  if (!Array.isArray(row.collections) || !row.collections.every((c) => typeof c === 'string')) return false;
  return row.metadataPending === undefined || typeof row.metadataPending === 'boolean';
}

/**
 * The cached rows when they still describe library.json and the journal; null otherwise. A stale
 * or unreadable cache is deleted, since a derived file that can no longer be trusted is only clutter.
 * Call with the library lock held, or the files could change under the check.
 */
export async function readRowsCache(fs: StoreFs, folder: string, files: { libraryFile: string; journalFile: string }): Promise<RowsCache | null> {
  const path = join(folder, ROWS_CACHE_FILE);
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(fs, path);
  } catch (error) {
    if (!isNotFound(error)) await removeRowsCache(fs, folder);
    return null;
  }
  let cache: RowsCache | null;
  try {
    cache = await parseCache(bytes.toString('utf8'), files, fs);
  } catch {
    cache = null;
  }
  if (!cache) await removeRowsCache(fs, folder);
  return cache;
}

/**
 * The stamp (first line) is checked before anything else is parsed, so a stale cache costs one line. The rest is
 * one JSON.parse of the whole file: at 50k rows (23 MB) far quicker than a line at a time through readline, which
 * spent most of a second in promise hops and idle reads, and nothing waits on the event loop this early at open.
 */
async function parseCache(text: string, files: { libraryFile: string; journalFile: string }, fs: StoreFs): Promise<RowsCache | null> {
  const firstNewline = text.indexOf('\n');
  if (firstNewline < 0 || !text.endsWith('\n]}\n')) return null;
  const stamp = stampOf(text.slice(0, firstNewline));
  if (!stamp || !(await stampHolds(fs, stamp, files.libraryFile, files.journalFile))) return null;
  const whole: unknown = JSON.parse(text);
  if (typeof whole !== 'object' || whole === null) return null;
  const rows = (whole as { rows?: unknown }).rows;
  // Only the stamp's five keys and the rows, as writeRowsCache writes them: any other key means the file is not ours.
  if (Object.keys(whole).length !== 6 || !Array.isArray(rows) || !rows.every(isRow)) return null;
  return { ...stamp, rows };
}
