/** Decoded at most this many bytes at a time, so each text stays out of V8's large-object space. */
const DECODE_BYTES = 1 << 15;
const NEWLINE = 10;

/**
 * Turns UTF-8 bytes, as they are read, into texts of whole lines. A newline byte is never part of a multi-byte
 * sequence, so decoding up to one gives the same text as decoding the whole file at once, and Buffer's decoding is
 * several times quicker than a StringDecoder's. The bytes after the last newline wait for the next piece, kept as
 * pieces: a long line is copied once, when its newline arrives, not once per read.
 */
export class CompleteLines {
  private carry: Buffer[] = [];
  private carried = 0;

  /** Texts that each end with a newline, from what came before and `bytes`; none when no line ended in them. */
  *texts(bytes: Uint8Array): Generator<string> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < buffer.length; at += DECODE_BYTES) {
      const piece = buffer.subarray(at, Math.min(at + DECODE_BYTES, buffer.length));
      const newline = piece.lastIndexOf(NEWLINE);
      if (newline < 0) {
        this.keep(piece);
        continue;
      }
      const complete = piece.subarray(0, newline + 1);
      const text = this.carried === 0 ? complete.toString('utf8') : Buffer.concat([...this.carry, complete]).toString('utf8');
      this.carry = [];
      this.carried = 0;
      if (newline + 1 < piece.length) this.keep(piece.subarray(newline + 1));
      yield text;
    }
  }

  /** Each line that ends in `bytes` (with what came before), without its newline. */
  *lines(bytes: Uint8Array): Generator<string> {
    for (const text of this.texts(bytes)) {
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield text.slice(start, end);
        start = end + 1;
      }
    }
  }

  /** Bytes after the last newline so far: the start of a line still being read. */
  get pendingBytes(): number {
    return this.carried;
  }

  /** The text after the last newline (the final line of a file that does not end in one); '' when there is none. */
  rest(): string {
    const text = this.carried === 0 ? '' : Buffer.concat(this.carry).toString('utf8');
    this.carry = [];
    this.carried = 0;
    return text;
  }

  // Copied: a caller may read into the same buffer again (library.json is read through two reused buffers).
  private keep(bytes: Buffer): void {
    this.carry.push(Buffer.from(bytes));
    this.carried += bytes.length;
  }
}
