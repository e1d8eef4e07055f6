import type { FileHandle } from './store-fs.ts';
import { writeAll } from './store-fs.ts';

/** Characters gathered before they are encoded and written: small enough to stay out of V8's large-object space. */
const PIECE_CHARS = 1 << 15;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit, so a full piece always fits. */
const SCRATCH_BYTES = 3 * PIECE_CHARS;

/**
 * Writes text to a file through one reusable buffer. Building a 40 MB string and a 40 MB buffer of it (an import's
 * change log, library.json at 10k items) costs more in fresh memory and collection than the encoding itself; pieces
 * of 32k characters encoded into the same buffer cost neither. `onBytes` sees every byte written, in order (a hash).
 * One writer per file write: the buffer is reused as soon as each piece is written.
 */
export class TextFileWriter {
  private readonly fh: FileHandle;
  private readonly onBytes: ((bytes: Uint8Array) => void) | undefined;
  private readonly scratch = new Uint8Array(SCRATCH_BYTES);
  private readonly encoder = new TextEncoder();
  private pending = '';
  /** Bytes written so far. */
  size = 0;

  constructor(fh: FileHandle, onBytes?: (bytes: Uint8Array) => void) {
    this.fh = fh;
    this.onBytes = onBytes;
  }

  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= PIECE_CHARS) await this.drain();
  }

  /** Writes what is still gathered; call once at the end. */
  async end(): Promise<void> {
    await this.drain();
  }

  private async drain(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    let at = 0;
    while (at < text.length) {
      let end = Math.min(at + PIECE_CHARS, text.length);
      // A piece never ends between the two halves of a surrogate pair (each half alone would become U+FFFD).
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      const { read, written } = this.encoder.encodeInto(at === 0 && end === text.length ? text : text.slice(at, end), this.scratch);
      if (read !== end - at) throw new Error('a piece of text did not fit the write buffer');
      at = end;
      const bytes = this.scratch.subarray(0, written);
      this.onBytes?.(bytes);
      this.size += written;
      await writeAll(this.fh, bytes);
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
