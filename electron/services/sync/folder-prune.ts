import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJsonStrict } from '../../../shared/sync/op-validate.ts';
import type { Cursors } from './folder-logs.ts';
import type { OwnFiles } from './folder-publish.ts';
import { coversPruned } from './folder-snapshots.ts';
import { deviceDir, SEGMENT_FILE, segmentName } from './sync-folder-paths.ts';

/**
 * Pruning this device's old log segments (docs/sync.md, pruning policy). A device deletes only its own files,
 * and only a segment that
 * - is closed (it is never appended to again),
 * - its own newest snapshot holds whole, that snapshot also holding every segment any device pruned (so a new
 *   device can always start from it),
 * - and every other device in the folder has acknowledged reading whole (`acks` in its device.json).
 * It lists the segment in its device.json (`pruned`) before deleting it, so a joining device knows to wait for a
 * snapshot that holds it. Another device's files are never touched.
 */

export interface DeviceFile {
  name: string | null;
  /** What this device has read of the others' segments: `devices/<id>/ops-NNNNNN.jsonl` → bytes. */
  acks: Record<string, number>;
  /** Its own segments it deleted, with their size: `ops-NNNNNN.jsonl` → bytes. */
  pruned: Record<string, number>;
}

const REL_SEGMENT = /^devices\/[a-z0-9][a-z0-9-]{2,63}\/ops-\d{6}\.jsonl$/;

function byteMap(value: unknown, key: RegExp): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (key.test(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0) out[k] = v;
  return out;
}

export async function readDeviceFile(folder: string, deviceId: string): Promise<DeviceFile> {
  try {
    const value = parseJsonStrict(await readFile(join(deviceDir(folder, deviceId), 'device.json'), 'utf8')) as Record<string, unknown>;
    return { name: typeof value.name === 'string' ? value.name : null, acks: byteMap(value.acks, REL_SEGMENT), pruned: byteMap(value.pruned, SEGMENT_FILE) };
  } catch {
    return { name: null, acks: {}, pruned: {} };
  }
}

/** The acknowledgements this device publishes: how far it has read each other device's segments. */
export function acksOf(cursors: Cursors, self: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [rel, c] of Object.entries(cursors)) if (REL_SEGMENT.test(rel) && !rel.startsWith(`devices/${self}/`)) out[rel] = c.bytes;
  return out;
}

/** Every pruned segment of the other devices, as `devices/<id>/<file>` → bytes. */
export async function prunedByOthers(folder: string, devices: readonly string[], self: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of devices) {
    if (id === self) continue;
    for (const [name, bytes] of Object.entries((await readDeviceFile(folder, id)).pruned)) out[`devices/${id}/${name}`] = bytes;
  }
  return out;
}

/**
 * The segments of this device that may go now. `snapshotCovers`: what its newest snapshot in the folder holds
 * (null: it has none).
 */
export async function prunable(folder: string, devices: readonly string[], self: string, own: OwnFiles, snapshotCovers: Cursors | null): Promise<string[]> {
  if (!snapshotCovers) return [];
  const others = devices.filter((id) => id !== self);
  if (!coversPruned(snapshotCovers, await prunedByOthers(folder, devices, self))) return [];
  const acks = await Promise.all(others.map(async (id) => (await readDeviceFile(folder, id)).acks));
  const current = segmentName(own.segment);
  return Object.entries(own.files)
    .filter(([name, file]) => name !== current && (snapshotCovers[`devices/${self}/${name}`]?.bytes ?? -1) >= file.bytes)
    .filter(([name, file]) => acks.every((a) => (a[`devices/${self}/${name}`] ?? -1) >= file.bytes))
    .map(([name]) => name)
    .sort();
}

/** Deletes segments already listed as pruned (in device.json, written before this). */
export async function deleteSegments(folder: string, self: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!SEGMENT_FILE.test(name)) continue;
    await unlink(join(deviceDir(folder, self), name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
