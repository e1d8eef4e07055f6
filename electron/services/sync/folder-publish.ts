import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat, unlink, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Attachment } from '../../../shared/model/item.ts';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import { isSafeRelativePath } from '../../../shared/sync/op-validate.ts';
import { fsyncDirectory, nodeStoreFs } from '../library-store/store-fs.ts';
import { TextFileWriter } from '../library-store/text-writer.ts';
import { writeFileAtomic } from '../library-store/write-file-atomic.ts';
import { resolveInsideAttachments } from '../attachments/attachment-files.ts';
import { writeLogLine } from './log-lines.ts';
import { blobPath, deviceDir, segmentName, SEGMENT_FILE, SNAPSHOT_FILE } from './sync-folder-paths.ts';

/** Writing this device's part of the sync folder: its log segments, its device.json and attachment files. */

export const OPS_PER_SEGMENT = 10_000;

export interface OwnFiles {
  /** Segment being appended to, and its line count. */
  segment: number;
  lines: number;
  /** Each written segment: bytes written, and the change-log index of its first operation. */
  files: Record<string, { bytes: number; firstIndex: number }>;
  /** Segments pruned (deleted) after every device read them and a snapshot held them: name → bytes. */
  pruned?: Record<string, number>;
}

export function emptyOwnFiles(): OwnFiles {
  return { segment: 0, lines: 0, files: {} };
}

/**
 * The first change-log index that must be published again because this device's own folder lost it (restored from
 * an old backup, or a segment deleted), or null when everything written is still there.
 */
export async function lostOwnIndex(folder: string, deviceId: string, own: OwnFiles): Promise<number | null> {
  let lost: number | null = null;
  for (const [name, written] of Object.entries(own.files)) {
    const size = await stat(join(deviceDir(folder, deviceId), name)).then((s) => s.size, () => -1);
    if (size < written.bytes) lost = lost === null ? written.firstIndex : Math.min(lost, written.firstIndex);
  }
  return lost;
}

/** Appends operations to this device's segments (never rewriting a line), fsynced. */
export async function appendOwnOps(folder: string, deviceId: string, own: OwnFiles, ops: ReadonlyArray<{ index: number; op: SyncOp }>, fresh: boolean, perSegment = OPS_PER_SEGMENT): Promise<OwnFiles> {
  const dir = deviceDir(folder, deviceId);
  let state: OwnFiles = { ...own, files: { ...own.files } };
  if (fresh || state.segment === 0) {
    // After a loss, or the first time: a new segment after every one present (another copy of this device may
    // have written some before a restore), so nothing is appended to a file in an unknown state.
    const present = [...(await readdir(dir)), ...Object.keys(own.pruned ?? {})].map((f) => SEGMENT_FILE.exec(f)).filter((m) => m !== null).map((m) => Number(m[1]));
    state = { ...state, segment: Math.max(state.segment, ...present, 0) + 1, lines: 0 };
  }
  let rest = ops;
  while (rest.length > 0) {
    if (state.lines >= perSegment) state = { ...state, segment: state.segment + 1, lines: 0 };
    const part = rest.slice(0, perSegment - state.lines);
    rest = rest.slice(part.length);
    const name = segmentName(state.segment);
    const path = join(dir, name);
    const fh = await open(path, 'a');
    let written: number;
    try {
      // A segment is tens of MB of lines: encoded piece by piece into the writer's buffers, not joined first.
      const writer = new TextFileWriter(fh);
      for (const p of part) await writeLogLine(writer, p.op);
      await writer.end();
      written = writer.size;
      await fh.sync();
    } finally {
      await fh.close();
    }
    const before = state.files[name];
    if (!before) await fsyncDirectory(nodeStoreFs, dir);
    state.files[name] = { bytes: (before?.bytes ?? 0) + written, firstIndex: before?.firstIndex ?? (part[0]?.index ?? 0) };
    state.lines += part.length;
  }
  return state;
}

/** `acks`: how far this device has read the others' segments; `pruned`: its own segments it deleted. */
export async function writeDeviceFile(folder: string, deviceId: string, name: string, extra: { acks: Record<string, number>; pruned: Record<string, number> } = { acks: {}, pruned: {} }): Promise<void> {
  const path = join(deviceDir(folder, deviceId), 'device.json');
  const text = `${JSON.stringify({ deviceId, name, format: 1, acks: extra.acks, pruned: extra.pruned })}\n`;
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== text) await writeFileAtomic(path, text);
}

/** Attachments an operation adds (a create's list, or one element). */
export function attachmentsOf(op: SyncOp): Attachment[] {
  if (op.e !== 'item') return [];
  if (op.k === 'elem' && op.f === 'attachments' && op.v && typeof op.v === 'object') return [op.v as unknown as Attachment];
  if (op.k === 'create' && op.v && typeof op.v === 'object' && !Array.isArray(op.v)) {
    const list = (op.v as Record<string, unknown>).attachments;
    return Array.isArray(list) ? (list as Attachment[]) : [];
  }
  return [];
}

/** Copies an attachment into `<sync>/attachments/` unless it is there: written once, atomically, never changed. */
export async function publishBlob(folder: string, libraryFolder: string, attachment: Attachment): Promise<boolean> {
  const target = blobPath(folder, attachment.sha256, attachment.fileName);
  if (await stat(target).then(() => true, () => false)) return false;
  if (!isSafeRelativePath(attachment.path)) return false;
  const bytes = await readFile(resolveInsideAttachments(libraryFolder, attachment.path)).catch(() => null);
  if (!bytes || sha256(bytes) !== attachment.sha256) return false;
  await writeFileAtomic(target, bytes);
  return true;
}

/** Copies a blob into the library when the library lacks the file; false while the blob has not arrived. */
export async function fetchBlob(folder: string, libraryFolder: string, attachment: Attachment): Promise<boolean> {
  if (!isSafeRelativePath(attachment.path)) return true;
  const local = resolveInsideAttachments(libraryFolder, attachment.path);
  if (await stat(local).then((s) => s.isFile(), () => false)) return true;
  const bytes = await readFile(blobPath(folder, attachment.sha256, attachment.fileName)).catch(() => null);
  // Missing, still arriving, or not what its name says: try again at the next exchange.
  if (!bytes || sha256(bytes) !== attachment.sha256) return false;
  await mkdir(dirname(local), { recursive: true });
  await writeFileAtomic(local, bytes);
  return true;
}

export async function removeOldSnapshots(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (SNAPSHOT_FILE.test(name) && name !== keep) await unlink(join(dir, name)).catch(() => undefined);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
