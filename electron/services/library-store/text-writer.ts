import { Buffer } from 'node:buffer';
import type { FileHandle } from './store-fs.ts';
import { writeAll } from './store-fs.ts';

/** Characters gathered before they are encoded and written: small enough to stay out of V8's large-object space. */
const PIECE_CHARS = 1 << 15;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit, so a full piece always fits in this much room. */
const PIECE_BYTES = 3 * PIECE_CHARS;
/** Bytes gathered per write: pieces are encoded one after the other into a buffer of this size, and it goes out once full. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes text to a file through two reusable buffers of 1 MiB. Building a 40 MB string and a 40 MB buffer of it (an
 * import's change log, library.json at 10k items) costs more in fresh memory and collection than the encoding itself;
 * pieces of 32k characters encoded one after another into the same two buffers cost neither. A buffer goes out in one
 * write once full, and the next pieces are encoded into the other one meanwhile, so the thread seldom waits for a
 * write (a 24 MB library.json is 24 writes, not 700). Writes still go out one at a time, in order.
 * `onBytes` sees every byte written, in order (a hash).
 * One writer per file write.
 */
export class TextFileWriter {
  private readonly fh: FileHandle;
  private readonly onBytes: ((bytes: Uint8Array) => void) | undefined;
  /** The buffer the next pieces are encoded into; `spare` holds the bytes of the write in flight. */
  private scratch = Buffer.alloc(BUFFER_BYTES);
  private spare = Buffer.alloc(BUFFER_BYTES);
  /** Bytes of `scratch` encoded and not yet written. */
  private filled = 0;
  /** The write of `spare`'s bytes. */
  private inFlight: Promise<unknown> | null = null;
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

  /** Bytes already encoded (UTF-8), written after the text before them. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    if (this.pending.length > 0) await this.drain();
    let at = 0;
    while (at < bytes.length) {
      if (this.filled === BUFFER_BYTES) await this.flush();
      const part = bytes.subarray(at, at + Math.min(bytes.length - at, BUFFER_BYTES - this.filled));
      this.scratch.set(part, this.filled);
      this.onBytes?.(this.scratch.subarray(this.filled, this.filled + part.length));
      this.filled += part.length;
      this.size += part.length;
      at += part.length;
    }
  }

  /** Writes what is still gathered and waits for every write; call once at the end. */
  async end(): Promise<void> {
    await this.drain();
    await this.flush();
    await this.settle();
  }

  private async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) await pending;
  }

  private async drain(): Promise<void> {
    const text = this.pending;
    this.pending = '';
    let at = 0;
    while (at < text.length) {
      let end = Math.min(at + PIECE_CHARS, text.length);
      // A piece never ends between the two halves of a surrogate pair (each half alone would become U+FFFD).
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      if (BUFFER_BYTES - this.filled < PIECE_BYTES) await this.flush();
      // Buffer's own UTF-8 write, not TextEncoder.encodeInto: the same bytes (a lone surrogate becomes U+FFFD in
      // both), and 4-5 times quicker once the text holds any character beyond ASCII. A piece always fits
      // (PIECE_BYTES of room), so every character is written.
      const written = this.scratch.write(at === 0 && end === text.length ? text : text.slice(at, end), this.filled, 'utf8');
      at = end;
      this.onBytes?.(this.scratch.subarray(this.filled, this.filled + written));
      this.filled += written;
      this.size += written;
    }
  }

  /** Writes what `scratch` holds, once the write before it is done; the next pieces are encoded into the other buffer meanwhile. */
  private async flush(): Promise<void> {
    if (this.filled === 0) return;
    // The spare buffer's write must be done before the next pieces are encoded into it.
    await this.settle();
    const full = this.scratch;
    const bytes = full.subarray(0, this.filled);
    this.scratch = this.spare;
    this.spare = full;
    this.filled = 0;
    const write = writeAll(this.fh, bytes);
    // Awaited before the next write or at end(); until then a failure must not count as unhandled.
    write.catch(() => undefined);
    this.inFlight = write;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
