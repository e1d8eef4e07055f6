import type { LibraryDoc } from '../../../shared/model/library-doc.ts';
import { toStoredItem } from './stored-item.ts';
import { TimeSlicer } from './time-slicer.ts';

/**
 * JSON with object keys sorted at every depth, so the same value always gives
 * the same bytes (small diffs under git or Syncthing). Array order is kept.
 *
 * One JSON.stringify of the value with its keys put in order: an object whose keys already are in order is
 * used as it is, any other is copied with them in order (every item and its CSL are, their names and source
 * fields mostly are not). An object with an array-index key ("0", "12") falls back to building the text piece
 * by piece, since a copy cannot hold such keys in sorted text order.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inKeyOrder(value);
  return ordered === INDEX_KEY ? pieceByPiece(value) : (JSON.stringify(ordered) ?? 'null');
}

const INDEX_KEY: unique symbol = Symbol('array-index key');
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

/** `value` with every object's keys in sorted order (the same object where they already are), or INDEX_KEY. */
function inKeyOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return inKeyOrder(withToJson.toJSON());
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      const ordered = inKeyOrder(element);
      if (ordered === INDEX_KEY) return INDEX_KEY;
      if (ordered !== element) (copy ??= value.slice())[i] = ordered;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort();
  let copy: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const field = record[key];
    const ordered = inKeyOrder(field);
    if (ordered === INDEX_KEY) return INDEX_KEY;
    if (copy === null && (!sorted || ordered !== field)) {
      if (!sorted && keys.some((k) => ARRAY_INDEX.test(k))) return INDEX_KEY;
      copy = Object.create(null) as Record<string, unknown>;
      for (let j = 0; j < i; j++) copy[keys[j] as string] = record[keys[j] as string];
    }
    if (copy !== null) copy[key] = ordered;
  }
  return copy ?? record;
}

/** The same text, built piece by piece. */
function pieceByPiece(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return pieceByPiece(withToJson.toJSON());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const element: unknown = value[i];
      out += element === undefined || typeof element === 'function' || typeof element === 'symbol' ? 'null' : pieceByPiece(element);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + pieceByPiece(field);
    first = false;
  }
  return out + '}';
}

const HEADER_KEYS = ['schemaVersion', 'journalSeq', 'settings'] as const;
export const ITEMS_OPEN_LINE = '"items": [';
export const COLLECTIONS_OPEN_LINE = '"collections": [';
const CHUNK_CHARS = 1 << 15;

/**
 * library.json as text chunks of about 32k characters (small enough that
 * encoding one stays well under a frame, and that no chunk is a large object for V8): the header keys one per line, then
 * one collection per line and one item per line, each in its stored form (stored-item.ts). Yields the event loop every
 * `sliceMs`, so 50k items never block it for more than a frame. The caller must
 * pass arrays it will not mutate meanwhile (items are immutable; the arrays are snapshots).
 */
export async function* serializeLibraryDoc(doc: LibraryDoc, sliceMs = 5): AsyncGenerator<string> {
  const slicer = new TimeSlicer(sliceMs);
  let chunk = '{\n';
  for (const key of HEADER_KEYS) chunk += `${JSON.stringify(key)}: ${canonicalJson(doc[key])},\n`;
  chunk += COLLECTIONS_OPEN_LINE + '\n';
  for (let i = 0; i < doc.collections.length; i++) {
    chunk += canonicalJson(doc.collections[i]) + (i < doc.collections.length - 1 ? ',\n' : '\n');
  }
  chunk += '],\n' + ITEMS_OPEN_LINE + '\n';
  const items = doc.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    chunk += (item ? canonicalJson(toStoredItem(item)) : 'null') + (i < items.length - 1 ? ',\n' : '\n');
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
    if (slicer.due()) await slicer.yield();
  }
  yield chunk + ']\n}\n';
}

/** The whole document in one string, for small libraries and tests. */
export async function serializeLibraryDocToString(doc: LibraryDoc): Promise<string> {
  let out = '';
  for await (const chunk of serializeLibraryDoc(doc)) out += chunk;
  return out;
}
