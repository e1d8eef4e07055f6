import { mkdir, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type { IndexSnapshot } from '../../../shared/search/index/search-index.ts';
import { DOC_TEXT_FIELDS, type DocTextField, type SearchDoc } from '../../../shared/search/index/search-doc.ts';
import type { FieldSnapshot } from '../../../shared/search/index/field-postings.ts';
import { nodeStoreFs, readWholeFile, writeAll } from '../library-store/store-fs.ts';
import { replaceFileAtomic } from '../library-store/write-file-atomic.ts';

/**
 * `<library>/index/search-index.bin`: the search index as derived data, so a start loads it instead of tokenising the
 * library again. It is never trusted: a file that is not exactly what this version wrote (magic, format, byte order,
 * a CRC-32 over every byte, the shape of each part) is deleted and the index built again; what it holds is then checked
 * document by document against the library (fingerprints, `search-indexer.ts`), so a stale document is indexed again.
 *
 * Layout: "FOLIOIX\n", u32 format, u32 header length, the header (JSON: fingerprints and the parts' byte lengths),
 * then each part padded to 4 bytes (documents as JSON in chunks; per field its terms joined by "\n" and its offsets,
 * postings and lengths as u32), then the CRC-32 of all that (u32).
 */
export const INDEX_DIR = 'index';
export const INDEX_FILE = 'search-index.bin';
/** Bumped whenever the tokeniser, the documents or this layout change: an older file is rebuilt, never misread. */
export const INDEX_FORMAT = 1;
const MAGIC = Buffer.from('FOLIOIX\n', 'latin1');
const DOCS_PER_CHUNK = 500;
/** Larger indexes are not saved (one Buffer, one read): they are built at each start, as before. */
const MAX_FILE_BYTES = 1.5 * 1024 ** 3;
const YIELD_EVERY_MS = 8;
/** The CRC-32 at the end. */
const TRAILER = 4;

interface Header {
  format: number;
  endian: string;
  fingerprints: string[];
  /** Byte length of each document chunk. */
  docChunks: number[];
  fields: Record<DocTextField, { terms: number; termCount: number; offsets: number; postings: number; lengths: number; totalLength: number }>;
}

export interface SavedIndex {
  snapshot: IndexSnapshot;
  /** Per document, in slot order: what it was built from (`fingerprintOf`). */
  fingerprints: string[];
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;
/** Several times quicker than Buffer#toString('utf8') on megabytes of text (measured: 120 against 850 ms for 110 MB). */
const utf8 = new TextDecoder('utf-8');
const text = (buf: Buffer, at: number, length: number) => utf8.decode(buf.subarray(at, at + length));
const bytesOf = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the index atomically and durably; the documents are encoded a chunk at a time, letting other work run. */
export async function writeIndexFile(path: string, saved: SavedIndex): Promise<number> {
  const { snapshot, fingerprints } = saved;
  const parts: Buffer[] = [];
  const docChunks: number[] = [];
  let slice = performance.now();
  for (let i = 0; i < snapshot.docs.length; i += DOCS_PER_CHUNK) {
    const chunk = Buffer.from(JSON.stringify(snapshot.docs.slice(i, i + DOCS_PER_CHUNK)), 'utf8');
    parts.push(chunk);
    docChunks.push(chunk.length);
    if (performance.now() - slice > YIELD_EVERY_MS) {
      await turn();
      slice = performance.now();
    }
  }
  const fields = {} as Header['fields'];
  for (const f of DOC_TEXT_FIELDS) {
    const s = snapshot.fields[f];
    const terms = Buffer.from(s.terms.join('\n'), 'utf8');
    parts.push(terms, bytesOf(s.offsets), bytesOf(s.postings), bytesOf(s.lengths));
    fields[f] = { terms: terms.length, termCount: s.terms.length, offsets: s.offsets.byteLength, postings: s.postings.byteLength, lengths: s.lengths.byteLength, totalLength: s.totalLength };
  }
  const header: Header = { format: INDEX_FORMAT, endian: endianness(), fingerprints, docChunks, fields };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.alloc(16 + headerBytes.length + pad4(16 + headerBytes.length));
  MAGIC.copy(lead, 0);
  lead.writeUInt32LE(INDEX_FORMAT, 8);
  lead.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(lead, 16);
  const all = [lead, ...parts.flatMap((p) => [p, Buffer.alloc(pad4(p.length))])];
  const total = all.reduce((n, b) => n + b.length, 0) + TRAILER;
  if (total > MAX_FILE_BYTES) throw new Error(`The search index (${total} bytes) is too large to save`);
  let crc = 0;
  for (const b of all) crc = crc32(b, crc);
  const trailer = Buffer.alloc(TRAILER);
  trailer.writeUInt32LE(crc, 0);
  all.push(trailer);
  await mkdir(dirname(path), { recursive: true });
  await replaceFileAtomic(path, async (fh) => {
    let at = 0;
    for (const b of all) at += await writeAll(fh, b, at);
  });
  return total;
}

/** Thrown inside reading when the file is not what this version writes. */
class NotOurs extends Error {}

function check(ok: boolean, what: string): void {
  if (!ok) throw new NotOurs(what);
}

function u32(buf: Buffer, at: number, bytes: number): Uint32Array {
  check(bytes % 4 === 0 && at + bytes <= buf.length - TRAILER, 'a part runs past the end');
  // A copy, aligned, so the file's buffer can be freed.
  return new Uint32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + bytes));
}

function decode(buf: Buffer): SavedIndex {
  check(buf.length >= 16 + TRAILER && buf.subarray(0, 8).equals(MAGIC), 'not a Folio index file');
  check(buf.readUInt32LE(8) === INDEX_FORMAT, 'another format');
  check(crc32(buf.subarray(0, buf.length - TRAILER)) === buf.readUInt32LE(buf.length - TRAILER), 'checksum');
  const headerLength = buf.readUInt32LE(12);
  const header = JSON.parse(text(buf, 16, headerLength)) as Header;
  check(header.format === INDEX_FORMAT && header.endian === endianness(), 'another format or byte order');
  let at = 16 + headerLength + pad4(16 + headerLength);
  const docs: SearchDoc[] = [];
  for (const length of header.docChunks) {
    const chunk = JSON.parse(text(buf, at, length)) as SearchDoc[];
    check(Array.isArray(chunk), 'documents');
    for (const d of chunk) docs.push(d);
    at += length + pad4(length);
  }
  check(Array.isArray(header.fingerprints) && header.fingerprints.length === docs.length, 'fingerprints');
  const fields = {} as Record<DocTextField, FieldSnapshot>;
  for (const f of DOC_TEXT_FIELDS) {
    const h = header.fields[f];
    const joined = text(buf, at, h.terms);
    at += h.terms + pad4(h.terms);
    const terms = h.termCount === 0 ? [] : joined.split('\n');
    const offsets = u32(buf, at, h.offsets);
    at += h.offsets;
    const postings = u32(buf, at, h.postings);
    at += h.postings;
    const lengths = u32(buf, at, h.lengths);
    at += h.lengths;
    check(terms.length === h.termCount && offsets.length === terms.length + 1 && offsets[0] === 0 && offsets[terms.length] === postings.length && lengths.length === docs.length, `field ${f}`);
    for (let i = 0; i < terms.length; i++) check((offsets[i] as number) < (offsets[i + 1] as number) && (offsets[i + 1] as number) % 2 === 0, `field ${f}`);
    for (let i = 0; i < postings.length; i += 2) check((postings[i] as number) < docs.length, `field ${f}`);
    fields[f] = { terms, offsets, postings, lengths, totalLength: h.totalLength };
  }
  for (const d of docs) check(typeof d?.id === 'string' && Array.isArray(d.pages) && Array.isArray(d.authors), 'a document');
  return { snapshot: { docs, fields }, fingerprints: header.fingerprints };
}

/**
 * The saved index, or null when there is none or it cannot be trusted (then the file is deleted, so it is written
 * again from the index built from the library).
 */
export async function readIndexFile(path: string): Promise<SavedIndex | null> {
  let buf: Buffer;
  try {
    buf = await readWholeFile(nodeStoreFs, path);
  } catch {
    return null;
  }
  try {
    return decode(buf);
  } catch {
    await rm(path, { force: true }).catch(() => undefined);
    return null;
  }
}
