import { lstat, mkdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { DEVICE_ID_PATTERN } from '../../../shared/sync/hlc.ts';

/**
 * The sync folder's layout (docs/sync.md):
 *   devices/<device-id>/device.json          display name, written by that device only
 *   devices/<device-id>/ops-<n>.jsonl        its operations, append-only, numbered segments
 *   devices/<device-id>/snapshot-<n>.jsonl   occasional snapshots, so a new device need not replay everything
 *   attachments/<sha256>.<ext>               files, written once and never changed
 */

export const SEGMENT_FILE = /^ops-(\d{6})\.jsonl$/;
/** A log file, or a sync engine's conflict copy of one (read as extra input, never written). */
export const LOG_FILE = /^ops-\d{6}.*\.jsonl$/i;
/** A snapshot: format 2 gzipped (what is written now), or format 1 plain (still read). */
export const SNAPSHOT_FILE = /^snapshot-(\d{12})\.jsonl(\.gz)?$/;
const EXTENSION = /^[a-z0-9]{1,8}$/;

export function devicesDir(folder: string): string {
  return join(folder, 'devices');
}

export function deviceDir(folder: string, deviceId: string): string {
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new Error(`Not a device id: ${deviceId}`);
  return join(folder, 'devices', deviceId);
}

export function segmentName(n: number): string {
  return `ops-${String(n).padStart(6, '0')}.jsonl`;
}

export function snapshotName(index: number): string {
  return `snapshot-${String(index).padStart(12, '0')}.jsonl.gz`;
}

/** `<sync>/attachments/<sha256>.<ext>`, the extension taken from the file name (lower case, or "bin"). */
export function blobName(sha256: string, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return `${sha256}.${EXTENSION.test(ext) ? ext : 'bin'}`;
}

export function blobPath(folder: string, sha256: string, fileName: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a sha256: ${sha256.slice(0, 80)}`);
  return join(folder, 'attachments', blobName(sha256, fileName));
}

/** Creates the folder's skeleton; refuses a devices/ or attachments/ that is a link leading elsewhere. */
export async function prepareSyncFolder(folder: string, deviceId: string): Promise<string> {
  await mkdir(deviceDir(folder, deviceId), { recursive: true });
  await mkdir(join(folder, 'attachments'), { recursive: true });
  const root = await realpath(folder);
  for (const sub of ['devices', 'attachments', join('devices', deviceId)]) {
    await assertInside(root, join(folder, sub));
  }
  return root;
}

/** Throws unless `path` (links followed) lies inside `root`. */
export async function assertInside(root: string, path: string): Promise<void> {
  const real = await realpath(path);
  const rel = relative(root, real);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === '..' || /^[A-Za-z]:/.test(rel)) {
    throw new Error(`${path} leads outside the sync folder (to ${real})`);
  }
}

export async function isPlainDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}
