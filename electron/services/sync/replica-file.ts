import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Replica } from '../../../shared/sync/replica.ts';
import { isNotFound } from '../library-store/store-fs.ts';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-files.ts';

/**
 * `<library>/changes/replica.jsonl`: the merged registers (snapshot format 2, one line per entity), with a header
 * naming the change-log index it covers. Rebuildable from the log while the log still holds everything; after
 * compaction it is the base the history policy keeps.
 */

const NAME = 'replica.jsonl';

export interface ReplicaSnapshot {
  replica: Replica;
  /** Every log operation with an index below this is in the replica. */
  through: number;
}

export async function readReplicaFile(dir: string): Promise<ReplicaSnapshot | null> {
  const replica = new Replica();
  let read;
  try {
    read = await readSnapshotFile(join(dir, NAME), (op) => replica.apply(op));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const through = (read?.header as { through?: unknown } | undefined)?.through;
  if (!read || typeof through !== 'number' || read.problems.length > 0) return null;
  return { replica, through };
}

export async function writeReplicaFile(dir: string, snapshot: ReplicaSnapshot): Promise<void> {
  await writeSnapshotFile(join(dir, NAME), { through: snapshot.through, format: 2 }, snapshot.replica, false);
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await (await open(path, 'r')).close();
    return true;
  } catch {
    return false;
  }
}
