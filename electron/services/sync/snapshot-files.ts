import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import type { LineProblem } from '../../../shared/sync/op-lines.ts';
import type { Replica } from '../../../shared/sync/replica.ts';
import { readSnapshotLines, replicaLines } from '../../../shared/sync/replica-snapshot.ts';
import { MAX_OP_LINE } from '../../../shared/sync/op-validate.ts';
import { CompleteLines } from '../library-store/complete-lines.ts';
import { writeAll } from '../library-store/store-fs.ts';
import { TextFileWriter } from '../library-store/text-writer.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';
import { replaceFileAtomic } from '../library-store/write-file-atomic.ts';

/**
 * Writing and reading replica snapshots (format 2, shared/sync/replica-snapshot.ts) without holding the event
 * loop: lines are made in slices of a few milliseconds, and compression runs on libuv's thread pool. A `.gz` file
 * is a series of gzip members of about 1 MB of lines each (any gunzip reads it as one stream).
 */

const gzipAsync = promisify(gzip);
const CHUNK = 1 << 20;
const READ_SLICE = 64 * 1024;
// A plain file is read a megabyte at a time: each read is a round trip through libuv's thread pool.
const READ_BYTES = 1 << 20;

export async function writeSnapshotFile(path: string, header: Record<string, unknown>, replica: Replica, compress: boolean): Promise<number> {
  const slicer = new TimeSlicer(8);
  let written = 0;
  await replaceFileAtomic(path, async (fh) => {
    if (!compress) {
      // Encoded piece by piece into the writer's reused buffers, not joined into a megabyte string and a buffer of it.
      const writer = new TextFileWriter(fh);
      await writer.write(`${JSON.stringify(header)}\n`);
      for (const line of replicaLines(replica)) {
        await writer.write(line);
        if (slicer.due()) await slicer.yield();
      }
      await writer.end();
      written = writer.size;
      return;
    }
    let parts: string[] = [`${JSON.stringify(header)}\n`];
    let size = 0;
    const flush = async (): Promise<void> => {
      const text = Buffer.from(parts.join(''), 'utf8');
      parts = [];
      size = 0;
      written += await writeAll(fh, await gzipAsync(text, { level: 6 }));
    };
    for (const line of replicaLines(replica)) {
      parts.push(line);
      size += line.length;
      if (size >= CHUNK) await flush();
      if (slicer.due()) await slicer.yield();
    }
    await flush();
  });
  return written;
}

export interface SnapshotRead {
  header: unknown;
  problems: LineProblem[];
}

/**
 * Reads a snapshot file as a stream (decompressed on the thread pool), handing each checked operation to
 * `apply`; null when it has no readable header, or when `accept` refuses the header (then nothing is applied).
 */
export async function readSnapshotFile(path: string, apply: (op: SyncOp) => void, accept: (header: unknown) => boolean = () => true): Promise<SnapshotRead | null> {
  const file = createReadStream(path, { highWaterMark: READ_BYTES });
  const source: AsyncIterable<Buffer> = path.endsWith('.gz') ? file.pipe(createGunzip({ chunkSize: READ_SLICE })) : file;
  const lines = new CompleteLines();
  const slicer = new TimeSlicer(8, { background: true });
  const problems: LineProblem[] = [];
  let header: unknown;
  let line = 1;
  try {
    for await (const chunk of source) {
      for (let text of lines.texts(chunk)) {
        if (header === undefined) {
          const end = text.indexOf('\n');
          try {
            header = JSON.parse(text.slice(0, end)) as unknown;
          } catch {
            return null;
          }
          if (header === undefined || !accept(header)) return null;
          text = text.slice(end + 1);
          line = 2;
        }
        const read = readSnapshotLines(text, line, apply);
        problems.push(...read.problems);
        line += read.lines;
        if (slicer.due()) await slicer.yield();
      }
      // A line longer than any record may be: not read on into memory.
      if (lines.pendingBytes > MAX_OP_LINE) return null;
    }
  } catch (error) {
    // A damaged or still-arriving compressed file: no snapshot. A failing disk is the caller's to report.
    if (String((error as { code?: unknown }).code ?? '').startsWith('Z_')) return null;
    throw error;
  } finally {
    file.destroy();
  }
  return header === undefined ? null : { header, problems };
}
