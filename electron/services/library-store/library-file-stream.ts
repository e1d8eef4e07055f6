import { createHash } from 'node:crypto';
import { CURRENT_SCHEMA_VERSION, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { ITEMS_OPEN_LINE } from './library-doc-text.ts';
import { CompleteLines } from './complete-lines.ts';
import { isItemShaped } from './item-check.ts';
import { fromStoredItem } from './stored-item.ts';
import { docHeaderSchema } from './library-doc-schema.ts';
import type { FileFingerprint } from './library-file.ts';
import type { FileHandle, StoreFs } from './store-fs.ts';
import { TimeSlicer } from './time-slicer.ts';

export type StreamedLibrary =
  | { kind: 'loaded'; doc: LibraryDoc; fingerprint: FileFingerprint }
  /** Not our one-item-per-line layout, or some part did not check out: only a whole-file parse can give the verdict. */
  | { kind: 'other' };

// 1 MiB a read: each read is a round trip through libuv's thread pool, and at 32 KB those round trips left the
// thread idle a fifth of the time. CompleteLines decodes it 32 KB at a time, so each piece's text stays out of V8's
// large-object space, whose fresh pages cost more than the extra decoding calls.
const READ_BYTES = 1 << 20;
// Stands in for the items list in the header, so a second "items" key later in a hand-edited file
// (which JSON.parse of the whole file would let win) is noticed instead of silently ignored.
const ITEMS_PLACEHOLDER = '\u0000folio:items';

/**
 * The file as written by serializeLibraryDoc: "{", header lines, ITEMS_OPEN_LINE, one item per
 * line (each but the last ending in a comma), "]", "}". The header lines with the list replaced by
 * a placeholder form a JSON document of their own, so valid header + valid item lines + the commas
 * in the right places make exactly the document JSON.parse of the whole file would give.
 */
class LineLayout {
  private phase: 'start' | 'header' | 'items' | 'after' = 'start';
  private skeleton = '';
  private previous: string | null = null;
  private readonly items: unknown[] = [];

  get atStart(): boolean {
    return this.phase === 'start';
  }

  /** False as soon as the file cannot be in our layout or a line fails its check. */
  line(raw: string): boolean {
    // CRLF (git autocrlf on Windows): a trailing CR is JSON whitespace.
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    switch (this.phase) {
      case 'start':
        if (line !== '{') return false;
        this.skeleton = '{\n';
        this.phase = 'header';
        return true;
      case 'header':
        if (line === ITEMS_OPEN_LINE) {
          this.skeleton += `"items": ${JSON.stringify(ITEMS_PLACEHOLDER)}\n`;
          this.phase = 'items';
        } else {
          this.skeleton += line + '\n';
        }
        return true;
      case 'items':
        if (line === ']') {
          if (this.previous !== null && !this.item(this.previous, false)) return false;
          this.previous = null;
          this.phase = 'after';
          return true;
        }
        if (this.previous !== null && !this.item(this.previous, true)) return false;
        this.previous = line;
        return true;
      case 'after':
        this.skeleton += line + '\n';
        return true;
    }
  }

  private item(line: string, followedByAnother: boolean): boolean {
    if (line.endsWith(',') !== followedByAnother) return false;
    let value: unknown;
    try {
      value = JSON.parse(followedByAnother ? line.slice(0, -1) : line);
    } catch {
      return false;
    }
    const whole = fromStoredItem(value);
    if (!whole.ok || !isItemShaped(whole.item)) return false;
    this.items.push(whole.item);
    return true;
  }

  finish(): LibraryDoc | null {
    if (this.phase !== 'after') return null;
    let header: unknown;
    try {
      header = JSON.parse(this.skeleton);
    } catch {
      return null;
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return null;
    const record = header as Record<string, unknown>;
    // Older versions need the whole document to migrate; the whole-file path handles them.
    if (record.items !== ITEMS_PLACEHOLDER || record.schemaVersion !== CURRENT_SCHEMA_VERSION) return null;
    if (!docHeaderSchema.safeParse(record).success) return null;
    record.items = this.items;
    return record as unknown as LibraryDoc;
  }
}

/**
 * Reads library.json in 1 MiB pieces, decoding (32 KB at a time), hashing and parsing line by line and
 * yielding the event loop every `sliceMs`: a 186 MB library never blocks the loop for
 * more than about one line's parse. Throws what fs.open throws (ENOENT for a missing file).
 */
export async function streamLibraryFile(fs: StoreFs, path: string, sliceMs: number): Promise<StreamedLibrary> {
  const fh = await fs.open(path, 'r');
  try {
    const { mtimeMs } = await fh.stat();
    const hash = createHash('sha256');
    const slicer = new TimeSlicer(sliceMs);
    const layout = new LineLayout();
    // Two buffers: the next piece is read while this one is decoded and parsed, so the thread is not idle for each
    // of a large library's thousands of reads.
    let buffer = Buffer.allocUnsafe(READ_BYTES);
    let spare = Buffer.allocUnsafe(READ_BYTES);
    let reading = readAhead(fh, buffer);
    let size = 0;
    // Decoded up to each newline only, so the text is the same as decoding the whole file (a BOM stays in the text,
    // so such a file fails here exactly as it fails JSON.parse).
    const lines = new CompleteLines();
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const read = buffer.subarray(0, bytesRead);
      [buffer, spare] = [spare, buffer];
      reading = readAhead(fh, buffer);
      hash.update(read);
      size += bytesRead;
      for (const line of lines.lines(read)) {
        if (!layout.line(line)) return { kind: 'other' };
        if (slicer.due()) await slicer.yield();
      }
      // A minified file is one long first line: no need to read it all to know it is not ours.
      if (layout.atStart && lines.pendingBytes > 2) return { kind: 'other' };
      if (slicer.due()) await slicer.yield();
    }
    const rest = lines.rest();
    if (rest !== '' && !layout.line(rest)) return { kind: 'other' };
    const doc = layout.finish();
    if (!doc) return { kind: 'other' };
    return { kind: 'loaded', doc, fingerprint: { size, mtimeMs, sha256: hash.digest('hex') } };
  } finally {
    // close() waits for a read still under way.
    await fh.close().catch(() => undefined);
  }
}

/** The next piece, read from the file's own position (pieces are asked for one at a time, in order). */
function readAhead(fh: FileHandle, buffer: Buffer): Promise<{ bytesRead: number }> {
  const read = fh.read(buffer, 0, buffer.length, null);
  // Awaited by the loop, or left behind when the loop returns early; a failure then must not count as unhandled.
  read.catch(() => undefined);
  return read;
}
