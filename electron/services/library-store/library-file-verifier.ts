import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/library-doc.ts';
import { ITEMS_OPEN_LINE } from './library-doc-text.ts';
import { docHeaderSchema, itemProblem } from './library-doc-schema.ts';
import { parseLibraryBytes } from './library-file.ts';
import { LIBRARY_MIGRATIONS, type LibraryMigration } from './migrations.ts';
import { readWholeFile, type StoreFs } from './store-fs.ts';
import { fromStoredItem } from './stored-item.ts';
import { TimeSlicer } from './time-slicer.ts';

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks that a library file parses as JSON and has the LibraryDoc shape.
 * Files in our own layout (one item per line) are checked line by line while
 * yielding the event loop, so verifying a 100 MB backup never freezes the UI.
 * Any other file, or one that fails the quick path, is parsed whole for the final word.
 */
export async function verifyLibraryFile(fs: StoreFs, path: string, migrations: readonly LibraryMigration[] = LIBRARY_MIGRATIONS, sliceMs = 5): Promise<Verdict> {
  if (await verifiesLineByLine(fs, path, sliceMs)) return { ok: true };
  const parsed = parseLibraryBytes(await readWholeFile(fs, path), migrations);
  return parsed.ok ? { ok: true } : { ok: false, reason: parsed.reason };
}

/**
 * The document is the header (every line outside the items list, with the list
 * emptied) plus one JSON object per item line. Valid header, valid lines and a
 * comma after every item line but the last together make a valid whole.
 */
async function verifiesLineByLine(fs: StoreFs, path: string, sliceMs: number): Promise<boolean> {
  const slicer = new TimeSlicer(sliceMs);
  const fh = await fs.open(path, 'r');
  let phase: 'start' | 'header' | 'items' | 'after' = 'start';
  let skeleton = '';
  let previous: string | null = null;
  try {
    for await (const line of fh.readLines({ encoding: 'utf8' })) {
      if (phase === 'start') {
        if (line !== '{') return false;
        phase = 'header';
        skeleton = '{\n';
      } else if (phase === 'header') {
        if (line === ITEMS_OPEN_LINE) {
          phase = 'items';
          skeleton += '"items": []\n';
        } else {
          skeleton += line + '\n';
        }
      } else if (phase === 'items') {
        if (line === ']') {
          if (previous !== null && !itemLineValid(previous, false)) return false;
          phase = 'after';
        } else {
          if (previous !== null && !itemLineValid(previous, true)) return false;
          previous = line;
        }
        if (slicer.due()) await slicer.yield();
      } else {
        skeleton += line + '\n';
      }
    }
  } catch {
    return false;
  } finally {
    await fh.close().catch(() => undefined);
  }
  if (phase !== 'after') return false;
  let header: unknown;
  try {
    header = JSON.parse(skeleton);
  } catch {
    return false;
  }
  // Older versions need the whole document to migrate; the slow path handles them.
  if (typeof header !== 'object' || header === null || (header as { schemaVersion?: unknown }).schemaVersion !== CURRENT_SCHEMA_VERSION) return false;
  return docHeaderSchema.safeParse(header).success;
}

function itemLineValid(line: string, followedByAnother: boolean): boolean {
  if (line.endsWith(',') !== followedByAnother) return false;
  try {
    const whole = fromStoredItem(JSON.parse(followedByAnother ? line.slice(0, -1) : line));
    return whole.ok && itemProblem(whole.item) === null;
  } catch {
    return false;
  }
}
