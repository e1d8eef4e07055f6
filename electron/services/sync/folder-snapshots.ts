import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncProblem } from '../../../shared/api/sync-types.ts';
import type { HybridClock } from '../../../shared/sync/hlc.ts';
import type { Replica } from '../../../shared/sync/replica.ts';
import type { Cursors } from './folder-logs.ts';
import { removeOldSnapshots } from './folder-publish.ts';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-files.ts';
import { deviceDir, SNAPSHOT_FILE, snapshotName } from './sync-folder-paths.ts';

/**
 * Snapshots in the sync folder: `devices/<id>/snapshot-<index>.jsonl.gz`, the merged state of every operation
 * that device had, with a header naming what it covers (every log file and how many of its bytes) and the
 * devices it knew (names, operation counts). A new device starts from one instead of replaying every log.
 */

export interface KnownDevice {
  name: string;
  operations: number;
}

export interface SnapshotHeader {
  snapshot: 2;
  covers: Cursors;
  devices: Record<string, KnownDevice>;
}

const REL = /^devices\/[a-z0-9-]+\/[^/]+$/;

export function parseSnapshotHeader(value: unknown): { covers: Cursors; devices: Record<string, KnownDevice> } | null {
  if (typeof value !== 'object' || value === null) return null;
  const header = value as { covers?: unknown; devices?: unknown };
  if (typeof header.covers !== 'object' || header.covers === null) return null;
  const covers: Cursors = {};
  for (const [rel, c] of Object.entries(header.covers as Record<string, { bytes?: unknown; lines?: unknown }>)) {
    if (!REL.test(rel) || typeof c !== 'object' || c === null || typeof c.bytes !== 'number') continue;
    covers[rel] = { bytes: c.bytes, lines: typeof c.lines === 'number' ? c.lines : 0 };
  }
  const devices: Record<string, KnownDevice> = {};
  if (typeof header.devices === 'object' && header.devices !== null) {
    for (const [id, d] of Object.entries(header.devices as Record<string, { name?: unknown; operations?: unknown }>)) {
      if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(id) || typeof d !== 'object' || d === null) continue;
      devices[id] = { name: typeof d.name === 'string' ? d.name.slice(0, 200) : id, operations: typeof d.operations === 'number' && d.operations >= 0 ? d.operations : 0 };
    }
  }
  return { covers, devices };
}

/** Whether `covers` holds every byte of each pruned file (a device deleted it, so only a snapshot still has it). */
export function coversPruned(covers: Cursors, pruned: Record<string, number>): boolean {
  return Object.entries(pruned).every(([rel, bytes]) => (covers[rel]?.bytes ?? -1) >= bytes);
}

export interface Joined {
  cursors: Cursors;
  devices: Record<string, KnownDevice>;
  items: string[];
  ops: number;
}

/**
 * Applies the newest snapshot of another device that holds every pruned file; null when there is none (no
 * snapshot yet: the logs are read from the start). `waiting`: files were pruned and no snapshot that holds them
 * has arrived, so the device must not join yet.
 */
export async function joinFromSnapshot(
  folder: string, devices: readonly string[], self: string, pruned: Record<string, number>,
  replica: Replica, clock: HybridClock, problems: SyncProblem[],
): Promise<Joined | 'waiting' | null> {
  const candidates: Array<{ path: string; rel: string; deviceId: string; covered: number }> = [];
  for (const deviceId of devices) {
    if (deviceId === self) continue;
    const names = (await readdir(deviceDir(folder, deviceId))).filter((n) => SNAPSHOT_FILE.test(n));
    for (const name of names) {
      candidates.push({ path: join(deviceDir(folder, deviceId), name), rel: `devices/${deviceId}/${name}`, deviceId, covered: Number(SNAPSHOT_FILE.exec(name)?.[1] ?? 0) });
    }
  }
  // Newest first; a gzipped one (format 2) before a plain one of the same index.
  candidates.sort((a, b) => b.covered - a.covered || (a.path.endsWith('.gz') ? -1 : 1));
  for (const best of candidates) {
    let parsed: ReturnType<typeof parseSnapshotHeader> = null;
    const items = new Set<string>();
    let changed = 0;
    const read = await readSnapshotFile(best.path, (op) => {
      if (replica.apply(op).changed) changed++;
      clock.receive(op.ts);
      if (op.e === 'item') items.add(op.id);
    }, (header) => {
      parsed = parseSnapshotHeader(header);
      return parsed !== null && coversPruned(parsed.covers, pruned);
    }).catch(() => null);
    const header = parsed as ReturnType<typeof parseSnapshotHeader>;
    if (!read || !header) {
      if (!header) problems.push({ deviceId: best.deviceId, file: best.rel, line: 1, message: `${best.rel}: the snapshot has no valid header (or is still arriving); another is tried` });
      continue;
    }
    for (const p of read.problems) problems.push({ deviceId: best.deviceId, file: best.rel, line: p.line, message: `${best.rel} line ${p.line}: ${p.message}` });
    return { cursors: header.covers, devices: header.devices, items: [...items], ops: changed };
  }
  return Object.keys(pruned).length > 0 ? 'waiting' : null;
}

/** Writes this device's snapshot (named by the change-log index it covers) and removes its older ones. */
export async function writeFolderSnapshot(folder: string, self: string, through: number, header: SnapshotHeader, replica: Replica): Promise<string> {
  const dir = deviceDir(folder, self);
  const name = snapshotName(through);
  await writeSnapshotFile(join(dir, name), { ...header }, replica, true);
  await removeOldSnapshots(dir, name);
  return name;
}
