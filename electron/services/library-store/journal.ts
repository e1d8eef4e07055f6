import { constants } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { LibraryOp } from './library-store.ts';
import { isJournalRecord } from './library-doc-schema.ts';
import { moveAside } from './stamped-names.ts';
import { fsyncDirectory, isNotFound, readWholeFile, writeAll, type FileHandle, type StoreFs } from './store-fs.ts';
import { TimeSlicer } from './time-slicer.ts';
import { AtomicWriteError, replaceFileAtomic, writeFileAtomic } from './write-file-atomic.ts';

export interface JournalRecord {
  seq: number;
  ops: LibraryOp[];
}

/** Where a record sits in the journal file, so compaction can drop folded records by byte range. */
export interface RecordSpan {
  seq: number;
  start: number;
  end: number;
  opCount: number;
}

export interface JournalScan {
  exists: boolean;
  records: JournalRecord[];
  spans: RecordSpan[];
  /** Bytes up to the end of the last good record. */
  goodSize: number;
  fileSize: number;
  /** The last line was incomplete or unparseable: a crash mid-append, never acknowledged. */
  tornTail: boolean;
  /** 1-based line of a bad record followed by more data: real damage. */
  damagedLine: number | null;
}

function parseRecord(text: string, previousSeq: number): JournalRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isJournalRecord(value) || value.seq <= previousSeq) return null;
  return value;
}

export async function scanJournal(fs: StoreFs, path: string): Promise<JournalScan> {
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(fs, path);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return { exists: false, records: [], spans: [], goodSize: 0, fileSize: 0, tornTail: false, damagedLine: null };
  }
  const records: JournalRecord[] = [];
  const spans: RecordSpan[] = [];
  let tornTail = false;
  let damagedLine: number | null = null;
  let pos = 0;
  for (let line = 1; pos < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, pos);
    if (newline === -1) {
      tornTail = true;
      break;
    }
    const record = parseRecord(bytes.toString('utf8', pos, newline), records.at(-1)?.seq ?? 0);
    if (!record) {
      if (newline + 1 >= bytes.length) tornTail = true;
      else damagedLine = line;
      break;
    }
    records.push(record);
    spans.push({ seq: record.seq, start: pos, end: newline + 1, opCount: record.ops.length });
    pos = newline + 1;
  }
  return { exists: true, records, spans, goodSize: pos, fileSize: bytes.length, tornTail, damagedLine };
}

/** Records as one JSON line, in pieces, yielding between items so a 10k-item import does not freeze the UI. */
async function* encodeRecord(seq: number, ops: readonly LibraryOp[], slicer: TimeSlicer): AsyncGenerator<string> {
  let out = `{"seq":${seq},"ops":[`;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (!op) continue;
    if (i > 0) out += ',';
    if (op.op === 'putItems') {
      out += '{"op":"putItems","items":[';
      for (let j = 0; j < op.items.length; j++) {
        out += (j > 0 ? ',' : '') + JSON.stringify(op.items[j]);
        if (out.length >= 1 << 20) {
          yield out;
          out = '';
        }
        if (slicer.due()) await slicer.yield();
      }
      out += ']}';
    } else {
      out += JSON.stringify(op);
    }
  }
  yield out + ']}\n';
}

/**
 * Appends records to library.journal and trims folded ones. All file work runs
 * one task at a time. Writes go to an explicit offset (not O_APPEND), so a
 * failed, partial append is overwritten or truncated away, never left as a
 * broken record in the middle of the file.
 */
export class JournalWriter {
  readonly path: string;
  private readonly fs: StoreFs;
  private readonly sliceMs: number;
  private spans: RecordSpan[];
  private goodSize: number;
  private dirSynced: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(path: string, options: { fs: StoreFs; sliceMs: number; spans: RecordSpan[]; size: number; exists: boolean }) {
    this.path = path;
    this.fs = options.fs;
    this.sliceMs = options.sliceMs;
    this.spans = options.spans;
    this.goodSize = options.size;
    this.dirSynced = options.exists;
  }

  get size(): number {
    return this.goodSize;
  }

  hasRecordsThrough(seq: number): boolean {
    return this.spans.some((span) => span.seq <= seq);
  }

  opsAfter(seq: number): number {
    let count = 0;
    for (const span of this.spans) if (span.seq > seq) count += span.opCount;
    return count;
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once the record is on disk (fdatasync), and only then. */
  append(seq: number, ops: readonly LibraryOp[]): Promise<void> {
    return this.run(async () => {
      const fh = await this.fs.open(this.path, constants.O_RDWR | constants.O_CREAT);
      const start = this.goodSize;
      let end = start;
      try {
        if ((await fh.stat()).size !== start) await fh.truncate(start);
        for await (const piece of encodeRecord(seq, ops, new TimeSlicer(this.sliceMs))) {
          end += await writeAll(fh, Buffer.from(piece, 'utf8'), end);
        }
        await fh.datasync();
      } catch (error) {
        await fh.truncate(start).catch(() => undefined);
        throw error;
      } finally {
        await fh.close().catch(() => undefined);
      }
      if (!this.dirSynced) {
        await fsyncDirectory(this.fs, dirname(this.path));
        this.dirSynced = true;
      }
      this.spans.push({ seq, start, end, opCount: ops.length });
      this.goodSize = end;
    });
  }

  /** Atomically rewrites the journal without the records up to `seq`, which library.json now holds. */
  dropThrough(seq: number): Promise<void> {
    return this.run(async () => {
      const keepFrom = this.spans.find((span) => span.seq > seq)?.start ?? this.goodSize;
      if (keepFrom === 0) return;
      const keepTo = this.goodSize;
      try {
        await replaceFileAtomic(this.path, (out) => this.copyRange(keepFrom, keepTo, out), this.fs);
      } catch (error) {
        if (error instanceof AtomicWriteError && error.renamed) this.shift(seq, keepFrom);
        throw error;
      }
      this.shift(seq, keepFrom);
    });
  }

  private shift(seq: number, by: number): void {
    this.spans = this.spans.filter((span) => span.seq > seq).map((span) => ({ ...span, start: span.start - by, end: span.end - by }));
    this.goodSize -= by;
    this.dirSynced = true;
  }

  private async copyRange(from: number, to: number, out: FileHandle): Promise<void> {
    if (from >= to) return;
    const input = await this.fs.open(this.path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, to - from));
      for (let pos = from; pos < to; ) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, to - pos), pos);
        if (bytesRead === 0) throw new Error(`${basename(this.path)} is shorter than expected`);
        await writeAll(out, buffer.subarray(0, bytesRead));
        pos += bytesRead;
      }
    } finally {
      await input.close();
    }
  }
}

export interface OpenedJournal {
  writer: JournalWriter;
  records: JournalRecord[];
  warnings: string[];
}

/**
 * Reads library.journal for replay and leaves the file fit for appending: a
 * torn last record is cut off; a journal damaged in the middle is moved aside
 * and replaced by its good prefix.
 */
export async function openJournal(fs: StoreFs, path: string, options: { now: () => Date; sliceMs: number }): Promise<OpenedJournal> {
  const scan = await scanJournal(fs, path);
  const warnings: string[] = [];
  const name = basename(path);
  let exists = scan.exists;
  if (scan.damagedLine !== null) {
    const good = (await readWholeFile(fs, path)).subarray(0, scan.goodSize);
    const aside = await moveAside(fs, path, 'damaged', options.now());
    await writeFileAtomic(path, good, fs);
    exists = true;
    warnings.push(
      `${name} has a damaged record at line ${scan.damagedLine}, so changes saved after it could not be recovered. ` +
        `It was moved to ${basename(aside)}; the ${scan.records.length} change(s) before the damage were kept.`,
    );
  } else if (scan.tornTail) {
    const fh = await fs.open(path, 'r+');
    try {
      await fh.truncate(scan.goodSize);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    warnings.push(
      `${name} ended with an incomplete change (Folio stopped while saving it, before it was confirmed); it was dropped. ` +
        `The ${scan.records.length} earlier change(s) were kept.`,
    );
  }
  const writer = new JournalWriter(path, { fs, sliceMs: options.sliceMs, spans: scan.spans, size: scan.goodSize, exists });
  return { writer, records: scan.records, warnings };
}
