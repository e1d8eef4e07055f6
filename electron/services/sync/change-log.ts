import { createReadStream } from 'node:fs';
import { open, readdir, unlink, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import { parseJsonStrict } from '../../../shared/sync/op-validate.ts';
import { CompleteLines } from '../library-store/complete-lines.ts';
import { fsyncDirectory, nodeStoreFs } from '../library-store/store-fs.ts';
import { TextFileWriter } from '../library-store/text-writer.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';
import { wholeLogOp, writeLogLine } from './log-lines.ts';

/**
 * The library's own change log, `<library>/changes/log-<first index>.jsonl`: every operation this library made or
 * folded in, in the order it was applied. Append-only, fsynced before a change counts as done; it is what
 * history, undo and publishing read, so it is not derived data.
 *
 * Bounded (docs/sync.md, history policy): segments roll every SEGMENT_OPS operations; once the log holds more
 * than MAX_OPS, the oldest segments are dropped after the replica snapshot covers them.
 */

export const SEGMENT_OPS = 20_000;
export const MAX_OPS = 250_000;
const SEGMENT = /^log-(\d{12})\.jsonl$/;

export interface LoggedOp {
  /** Position in the log since the library's first change; stable across compaction. */
  index: number;
  op: SyncOp;
}

export class ChangeLog {
  readonly dir: string;
  private ops: LoggedOp[] = [];
  private readonly seen = new Set<string>();
  private nextIndex = 0;
  private segmentStart = 0;
  private segmentCount = 0;
  private tail: Promise<void> = Promise.resolve();
  /** Lines that could not be read back (a crash mid-append leaves at most one torn last line). */
  readonly damaged: string[] = [];

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async open(dir: string): Promise<ChangeLog> {
    const log = new ChangeLog(dir);
    const slicer = new TimeSlicer(8, { background: true });
    await mkdir(dir, { recursive: true });
    const segments = (await readdir(dir)).map((name) => SEGMENT.exec(name)).filter((m) => m !== null)
      .map((m) => ({ name: m[0], first: Number(m[1]) })).sort((a, b) => a.first - b.first);
    for (const segment of segments) {
      let index = segment.first;
      let count = 0;
      // Read in pieces and parsed in slices: a 50k-item import is 76 MB of lines, and a long-lived host's event
      // loop keeps answering meanwhile.
      let number = 0;
      for await (const { lines, last } of segmentLines(join(dir, segment.name))) {
        for (const line of lines) {
          number++;
          if (slicer.due()) await slicer.yield();
          if (line.trim() === '') continue;
          let op: SyncOp | string;
          try {
            op = wholeLogOp(parseJsonStrict(line) as SyncOp);
          } catch {
            // Only a torn last line is expected (a crash during an append); it never counted as done.
            if (!last) log.damaged.push(`${segment.name} line ${number}`);
            continue;
          }
          if (typeof op === 'string') {
            log.damaged.push(`${segment.name} line ${number} (${op})`);
            continue;
          }
          log.ops.push({ index, op });
          log.seen.add(op.ts);
          index++;
          count++;
        }
      }
      log.nextIndex = index;
      log.segmentStart = segment.first;
      log.segmentCount = count;
    }
    return log;
  }

  /** Every operation still in the log, oldest first. */
  all(): readonly LoggedOp[] {
    return this.ops;
  }

  /** Index the next appended operation gets. */
  end(): number {
    return this.nextIndex;
  }

  has(ts: string): boolean {
    return this.seen.has(ts);
  }

  /** Appends (skipping operations already in the log) and resolves once fsynced. */
  append(ops: readonly SyncOp[]): Promise<void> {
    const fresh = ops.filter((op) => !this.seen.has(op.ts));
    if (fresh.length === 0) return this.tail;
    for (const op of fresh) this.seen.add(op.ts);
    const logged = fresh.map((op) => ({ index: this.nextIndex++, op }));
    this.ops.push(...logged);
    const write = this.tail.then(() => this.write(logged));
    this.tail = write.catch(() => undefined);
    return write;
  }

  private async write(logged: LoggedOp[]): Promise<void> {
    let rest = logged;
    while (rest.length > 0) {
      if (this.segmentCount >= SEGMENT_OPS) {
        this.segmentStart = rest[0]?.index ?? this.nextIndex;
        this.segmentCount = 0;
      }
      const room = SEGMENT_OPS - this.segmentCount;
      const part = rest.slice(0, room);
      rest = rest.slice(room);
      const path = join(this.dir, segmentName(this.segmentStart));
      const created = this.segmentCount === 0;
      const fh = await open(path, 'a');
      try {
        // An import of 50k items is one append: written through one buffer, never as one string of it all.
        const writer = new TextFileWriter(fh);
        for (const l of part) await writeLogLine(writer, l.op);
        await writer.end();
        await fh.sync();
      } finally {
        await fh.close();
      }
      if (created) await fsyncDirectory(nodeStoreFs, this.dir);
      this.segmentCount += part.length;
    }
  }

  /** Drops whole segments older than `keepFrom` (an index the replica snapshot covers), when over MAX_OPS. */
  async compact(coveredThrough: number): Promise<number> {
    if (this.ops.length <= MAX_OPS) return 0;
    await this.tail;
    const names = (await readdir(this.dir)).map((name) => SEGMENT.exec(name)).filter((m) => m !== null)
      .map((m) => Number(m[1])).sort((a, b) => a - b);
    let dropped = 0;
    for (let i = 0; i < names.length - 1; i++) {
      const first = names[i] as number;
      const next = names[i + 1] as number;
      if (next > coveredThrough || this.ops.length - dropped - (next - first) < MAX_OPS - SEGMENT_OPS) break;
      await unlink(join(this.dir, segmentName(first)));
      dropped += next - first;
    }
    if (dropped > 0) {
      const from = this.ops.findIndex((l) => l.index >= (this.ops[0]?.index ?? 0) + dropped);
      this.ops = from < 0 ? [] : this.ops.slice(from);
    }
    return dropped;
  }

  flush(): Promise<void> {
    return this.tail;
  }
}

function segmentName(first: number): string {
  return `log-${String(first).padStart(12, '0')}.jsonl`;
}

/**
 * A segment file's lines, read a megabyte at a time: those of each piece together (one await a piece, not a line);
 * `last`: the file's final line, with no newline after it (an append torn by a crash).
 */
async function* segmentLines(path: string): AsyncGenerator<{ lines: Iterable<string>; last: boolean }> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const lines = new CompleteLines();
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) yield { lines: lines.lines(chunk), last: false };
  } finally {
    file.destroy();
  }
  const rest = lines.rest();
  if (rest !== '') yield { lines: [rest], last: true };
}
