import { createHash } from 'node:crypto';
import type { Adapter } from 'lowdb';
import type { LibraryDoc } from '../../../shared/model/library-doc.ts';
import { serializeLibraryDoc } from './library-doc-text.ts';
import { libraryDocProblem } from './library-doc-schema.ts';
import { streamLibraryFile } from './library-file-stream.ts';
import { LIBRARY_MIGRATIONS, migrateLibraryDoc, type LibraryMigration } from './migrations.ts';
import { isNotFound, nodeStoreFs, readWholeFile, type StoreFs } from './store-fs.ts';
import { TextFileWriter } from './text-writer.ts';
import { fromStoredItem } from './stored-item.ts';
import { replaceFileAtomic } from './write-file-atomic.ts';

/** What we know about library.json as we last read or wrote it, to spot edits made behind our back. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export type ParsedLibrary = { ok: true; doc: LibraryDoc; migratedFrom: number | null } | { ok: false; reason: string };

/** Parses, migrates and schema-checks library.json bytes; `reason` completes "library.json could not be read: …". */
export function parseLibraryBytes(bytes: Buffer, migrations: readonly LibraryMigration[] = LIBRARY_MIGRATIONS): ParsedLibrary {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON, probably truncated or damaged (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'it is not a Folio library (the top level is not a JSON object)' };
  const migrated = migrateLibraryDoc(raw as Record<string, unknown>, migrations);
  if (!migrated.ok) return { ok: false, reason: migrated.message };
  const whole = expandStoredItems(migrated.doc);
  if (whole) return { ok: false, reason: `it does not have the shape of a Folio library (${whole})` };
  const problem = libraryDocProblem(migrated.doc);
  if (problem) return { ok: false, reason: `it does not have the shape of a Folio library (${problem})` };
  return { ok: true, doc: migrated.doc as unknown as LibraryDoc, migratedFrom: migrated.from === (migrated.doc.schemaVersion as number) ? null : migrated.from };
}

/** Makes the items of a migrated document whole again (stored-item.ts), in place; the first problem, or null. */
function expandStoredItems(doc: Record<string, unknown>): string | null {
  const items = doc.items;
  if (!Array.isArray(items)) return null;
  for (let i = 0; i < items.length; i++) {
    const whole = fromStoredItem(items[i]);
    if (!whole.ok) return `item ${i + 1}: ${whole.problem}`;
    items[i] = whole.item;
  }
  return null;
}

export async function hashFile(fs: StoreFs, path: string): Promise<string> {
  const hash = createHash('sha256');
  const fh = await fs.open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

async function hashInSlices(bytes: Buffer): Promise<string> {
  const hash = createHash('sha256');
  const slice = 1 << 20;
  for (let pos = 0; pos < bytes.length; pos += slice) {
    hash.update(bytes.subarray(pos, pos + slice));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

export type LibraryFileOutcome =
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'ok'; doc: LibraryDoc; migratedFrom: number | null };

export class UnreadableLibraryError extends Error {
  constructor(path: string, reason: string) {
    super(`${path} could not be read: ${reason}`);
    this.name = 'UnreadableLibraryError';
  }
}

/**
 * lowdb adapter for library.json. Unlike lowdb's JSONFile (steno), a write is
 * durable (temp, fsync, rename, fsync dir), streamed in time-sliced chunks, and
 * fingerprinted so an external edit can be detected before the next write.
 */
export class LibraryFileAdapter implements Adapter<LibraryDoc> {
  readonly path: string;
  private readonly fs: StoreFs;
  private readonly migrations: readonly LibraryMigration[];
  private readonly sliceMs: number;
  /** null while we have neither read nor written the file. */
  private known: Promise<FileFingerprint> | null = null;

  constructor(path: string, options: { fs?: StoreFs; migrations?: readonly LibraryMigration[]; sliceMs?: number } = {}) {
    this.path = path;
    this.fs = options.fs ?? nodeStoreFs;
    this.migrations = options.migrations ?? LIBRARY_MIGRATIONS;
    this.sliceMs = options.sliceMs ?? 5;
  }

  async read(): Promise<LibraryDoc | null> {
    const outcome = await this.inspect();
    if (outcome.kind === 'missing') return null;
    if (outcome.kind === 'unreadable') throw new UnreadableLibraryError(this.path, outcome.reason);
    return outcome.doc;
  }

  /** Reads library.json and says what state it is in, recording its fingerprint when it is readable. */
  async inspect(): Promise<LibraryFileOutcome> {
    try {
      const streamed = await streamLibraryFile(this.fs, this.path, this.sliceMs);
      if (streamed.kind === 'loaded') {
        this.known = Promise.resolve(streamed.fingerprint);
        return { kind: 'ok', doc: streamed.doc, migratedFrom: null };
      }
    } catch (error) {
      if (isNotFound(error)) return { kind: 'missing' };
      throw error;
    }
    // Hand-edited layouts, older schema versions and damaged files: the whole-file parse has the last word.
    let bytes: Buffer;
    let mtimeMs: number;
    try {
      mtimeMs = (await this.fs.stat(this.path)).mtimeMs;
      bytes = await readWholeFile(this.fs, this.path);
    } catch (error) {
      if (isNotFound(error)) return { kind: 'missing' };
      throw error;
    }
    const parsed = parseLibraryBytes(bytes, this.migrations);
    if (!parsed.ok) return { kind: 'unreadable', reason: parsed.reason };
    // Hashing 100 MB takes ~60 ms: done after open, in slices, as only the next write needs it.
    const size = bytes.length;
    this.known = hashInSlices(bytes).then((sha256) => ({ size, mtimeMs, sha256 }));
    return { kind: 'ok', doc: parsed.doc, migratedFrom: parsed.migratedFrom };
  }

  async write(doc: LibraryDoc): Promise<void> {
    const hash = createHash('sha256');
    let size = 0;
    await replaceFileAtomic(this.path, async (fh) => {
      const writer = new TextFileWriter(fh, (bytes) => hash.update(bytes));
      for await (const chunk of serializeLibraryDoc(doc, this.sliceMs)) await (typeof chunk === 'string' ? writer.write(chunk) : writer.writeBytes(chunk));
      await writer.end();
      size = writer.size;
    }, this.fs);
    const { mtimeMs } = await this.fs.stat(this.path);
    this.known = Promise.resolve({ size, mtimeMs, sha256: hash.digest('hex') });
  }

  /** library.json as we last read or wrote it. */
  fingerprint(): Promise<FileFingerprint | null> {
    return this.known ?? Promise.resolve(null);
  }

  /** True when library.json on disk is no longer the version we last read or wrote. A missing file is not a change to keep. */
  async changedOnDisk(): Promise<boolean> {
    const known = await this.fingerprint();
    if (!known) return false;
    let stat;
    try {
      stat = await this.fs.stat(this.path);
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    if (stat.size === known.size && stat.mtimeMs === known.mtimeMs) return false;
    // A touch or a copy-back of identical bytes is not an edit.
    return (await hashFile(this.fs, this.path)) !== known.sha256;
  }
}
