import { Buffer } from 'node:buffer';
import type { LibraryDoc } from '../../../shared/model/library-doc.ts';
import { canonicalJson } from './canonical-json.ts';
import { keptLinesForWrite, storedItemLine } from './stored-lines.ts';
import { TimeSlicer } from './time-slicer.ts';

const HEADER_KEYS = ['schemaVersion', 'journalSeq', 'settings'] as const;
export const ITEMS_OPEN_LINE = '"items": [';
export const COLLECTIONS_OPEN_LINE = '"collections": [';
const CHUNK_CHARS = 1 << 15;

/**
 * library.json as text chunks of about 32k characters (small enough that
 * encoding one stays well under a frame, and that no chunk is a large object for V8), with the UTF-8 bytes of an item
 * line the change log already made in between (stored-lines.ts): the header keys one per line, then
 * one collection per line and one item per line, each in its stored form (stored-item.ts). Yields the event loop every
 * `sliceMs`, so 50k items never block it for more than a frame. The caller must
 * pass arrays it will not mutate meanwhile (items are immutable; the arrays are snapshots).
 */
export async function* serializeLibraryDoc(doc: LibraryDoc, sliceMs = 5): AsyncGenerator<string | Uint8Array> {
  const slicer = new TimeSlicer(sliceMs);
  let chunk = '{\n';
  for (const key of HEADER_KEYS) chunk += `${JSON.stringify(key)}: ${canonicalJson(doc[key])},\n`;
  chunk += COLLECTIONS_OPEN_LINE + '\n';
  for (let i = 0; i < doc.collections.length; i++) {
    chunk += canonicalJson(doc.collections[i]) + (i < doc.collections.length - 1 ? ',\n' : '\n');
  }
  chunk += '],\n' + ITEMS_OPEN_LINE + '\n';
  const items = doc.items;
  // A new item's line is made once, as bytes, for this file and its create operation in the change log.
  const kept = keptLinesForWrite();
  try {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const bytes = item ? kept.bytes(item) : null;
      const end = i < items.length - 1 ? ',\n' : '\n';
      if (bytes) {
        if (chunk !== '') yield chunk;
        yield bytes;
        chunk = end;
      } else {
        chunk += (item ? storedItemLine(item) : 'null') + end;
      }
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
      if (slicer.due()) await slicer.yield();
    }
  } finally {
    kept.done();
  }
  yield chunk + ']\n}\n';
}

/** The whole document in one string, for small libraries and tests. */
export async function serializeLibraryDocToString(doc: LibraryDoc): Promise<string> {
  let out = '';
  for await (const chunk of serializeLibraryDoc(doc)) out += typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
  return out;
}
