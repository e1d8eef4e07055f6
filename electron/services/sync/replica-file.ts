import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Replica } from '../../../shared/sync/replica.ts';
import { opLine, readOpLines } from '../../../shared/sync/op-lines.ts';
import { replicaFromOps, replicaOps } from '../../../shared/sync/replica-snapshot.ts';
import { isNotFound, writeAll } from '../library-store/store-fs.ts';
import { replaceFileAtomic } from '../library-store/write-file-atomic.ts';

/**
 * `<library>/changes/replica.jsonl`: the merged registers as operations, with a header naming the change-log
 * index it covers. Rebuildable from the log while the log still holds everything; after compaction it is the
 * base the history policy keeps.
 */

const NAME = 'replica.jsonl';

export interface ReplicaSnapshot {
  replica: Replica;
  /** Every log operation with an index below this is in the replica. */
  through: number;
}

export async function readReplicaFile(dir: string): Promise<ReplicaSnapshot | null> {
  let text: string;
  try {
    text = await readFile(join(dir, NAME), 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) return null;
  let header: { through?: unknown };
  try {
    header = JSON.parse(text.slice(0, firstEnd)) as { through?: unknown };
  } catch {
    return null;
  }
  if (typeof header.through !== 'number') return null;
  const read = readOpLines(text.slice(firstEnd + 1), null, 2);
  if (read.problems.length > 0) return null;
  return { replica: replicaFromOps(read.ops), through: header.through };
}

export async function writeReplicaFile(dir: string, snapshot: ReplicaSnapshot): Promise<void> {
  await replaceFileAtomic(join(dir, NAME), async (fh) => {
    await writeAll(fh, Buffer.from(`${JSON.stringify({ through: snapshot.through })}\n`));
    let chunk = '';
    for (const op of replicaOps(snapshot.replica)) {
      chunk += opLine(op);
      if (chunk.length > 1 << 20) {
        await writeAll(fh, Buffer.from(chunk));
        chunk = '';
      }
    }
    if (chunk) await writeAll(fh, Buffer.from(chunk));
  });
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await (await open(path, 'r')).close();
    return true;
  } catch {
    return false;
  }
}
