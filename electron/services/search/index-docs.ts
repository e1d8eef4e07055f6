import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { searchDocOf, type SearchDoc } from '../../../shared/search/index/search-doc.ts';
import { FULLTEXT_DIR } from '../fulltext/fulltext-cache.ts';
import { fingerprintOf } from './doc-fingerprint.ts';

/** The longest the host makes documents or fingerprints before it lets its event loop run. */
const YIELD_EVERY_MS = 8;
/** Documents go to the engine in batches of about this many characters, so no one structured clone blocks the host. */
export const BATCH_CHARS = 256 * 1024;

export const pdfsOf = (item: Item) => item.attachments.filter((a) => a.mediaType === 'application/pdf');

export const docChars = (doc: SearchDoc): number => doc.title.length + doc.abstract.length + doc.note.length + doc.pages.reduce((n, p) => n + p.length, 0) + 200;

/** Runs `each` over `list`, giving the event loop a turn every few milliseconds (awaiting a resolved value is not one). */
export async function yielding<T>(list: readonly T[], each: (value: T) => void | Promise<void>): Promise<void> {
  let slice = performance.now();
  for (const value of list) {
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    await each(value);
  }
}

/** The sha256 of every PDF with a file in the full-text cache (one directory listing; the files are not read). */
export async function cachedTextShas(libraryDir: string): Promise<Set<string>> {
  try {
    const names = await readdir(join(libraryDir, FULLTEXT_DIR));
    return new Set(names.flatMap((n) => (/^[0-9a-f]{64}\.json$/.test(n) ? [n.slice(0, 64)] : [])));
  } catch {
    return new Set();
  }
}

/** An item's document without PDF text, and the shas of its PDFs whose text is cached. */
export interface MetadataDoc {
  item: Item;
  doc: SearchDoc;
  textShas: string[];
  /** What the index should hold for the item: the document with the cached text of `textShas`. */
  fingerprint: string;
}

/**
 * Every item's metadata document and the fingerprint the index should hold for it: made from the item and the
 * listing of the full-text cache, so a start can check a saved index without reading any PDF text.
 */
export async function expectedDocs(items: readonly Item[], cached: ReadonlySet<string>): Promise<{ docs: MetadataDoc[]; expected: Array<[ItemId, string]> }> {
  const docs: MetadataDoc[] = [];
  const expected: Array<[ItemId, string]> = [];
  await yielding(items, (item) => {
    const doc = searchDocOf(item);
    const textShas = pdfsOf(item).map((p) => p.sha256).filter((sha) => cached.has(sha));
    const fingerprint = fingerprintOf(doc, textShas);
    docs.push({ item, doc, textShas, fingerprint });
    expected.push([item.id, fingerprint]);
  });
  return { docs, expected };
}
