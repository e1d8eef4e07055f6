import { lstat, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncProblem } from '../../../shared/api/sync-types.ts';
import { DEVICE_ID_PATTERN } from '../../../shared/sync/hlc.ts';
import { MAX_OP_LINE, parseJsonStrict } from '../../../shared/sync/op-validate.ts';
import { readOpLines } from '../../../shared/sync/op-lines.ts';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import { cleanDeviceName } from './changes-files.ts';
import { wholeLogOp } from './log-lines.ts';
import { assertInside, devicesDir, isPlainDirectory, LOG_FILE } from './sync-folder-paths.ts';

/**
 * Reading the other devices' logs. Only complete lines are read (a torn last line waits for the rest); a file
 * that shrank (a folder restored from a backup, or replaced) is read again from the start; conflict copies are
 * extra input. Bad records are reported by device, file and line, and skipped.
 */

/** Where reading of one file got to. */
export interface FileCursor {
  bytes: number;
  lines: number;
}

export type Cursors = Record<string, FileCursor>;

export interface DeviceRead {
  deviceId: string;
  name: string;
  ops: SyncOp[];
}

export interface FolderRead {
  devices: DeviceRead[];
  problems: SyncProblem[];
  cursors: Cursors;
}

/** The most read at once from one file; a longer line than MAX_OP_LINE is skipped without keeping it. */
const CHUNK = MAX_OP_LINE + 1024 * 1024;
const SLICE = 256 * 1024;

export async function readDeviceName(dir: string, deviceId: string): Promise<string> {
  try {
    const value = parseJsonStrict(await readFile(join(dir, 'device.json'), 'utf8')) as { name?: unknown };
    if (typeof value.name === 'string' && cleanDeviceName(value.name)) return cleanDeviceName(value.name);
  } catch {
    // No name yet (or a torn file): the id stands in.
  }
  return deviceId;
}

export async function listDevices(root: string, folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(devicesDir(folder));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!DEVICE_ID_PATTERN.test(name)) continue;
    const dir = join(devicesDir(folder), name);
    if (!(await isPlainDirectory(dir))) continue;
    await assertInside(root, dir).then(() => out.push(name), () => undefined);
  }
  return out.sort();
}

export async function readOtherDevices(root: string, folder: string, self: string, cursors: Cursors): Promise<FolderRead> {
  const next: Cursors = { ...cursors };
  const problems: SyncProblem[] = [];
  const devices: DeviceRead[] = [];
  for (const deviceId of await listDevices(root, folder)) {
    const dir = join(devicesDir(folder), deviceId);
    const name = await readDeviceName(dir, deviceId);
    const ops: SyncOp[] = [];
    if (deviceId !== self) {
      const files = (await readdir(dir)).filter((f) => LOG_FILE.test(f) && !f.startsWith('.')).sort();
      for (const file of files) {
        const rel = `devices/${deviceId}/${file}`;
        const got = await readLogFile(join(dir, file), deviceId, next[rel] ?? { bytes: 0, lines: 0 });
        next[rel] = got.cursor;
        ops.push(...got.ops);
        for (const p of got.problems) problems.push({ deviceId, file: rel, line: p.line, message: `${name} (${deviceId}), ${rel}${p.line ? ` line ${p.line}` : ''}: ${p.message}` });
      }
    }
    devices.push({ deviceId, name, ops });
  }
  return { devices, problems, cursors: next };
}

interface FileRead {
  ops: SyncOp[];
  problems: Array<{ line: number | null; message: string }>;
  cursor: FileCursor;
}

export async function readLogFile(path: string, deviceId: string | null, from: FileCursor): Promise<FileRead> {
  const stat = await lstat(path);
  if (!stat.isFile()) return { ops: [], problems: [{ line: null, message: 'not a regular file; ignored' }], cursor: from };
  // Shorter than what was read: the file was replaced (a restored backup). Read it again; duplicates are harmless.
  let cursor = stat.size < from.bytes ? { bytes: 0, lines: 0 } : from;
  const ops: SyncOp[] = [];
  const problems: FileRead['problems'] = [];
  const fh = await open(path, 'r');
  try {
    while (cursor.bytes < stat.size) {
      const length = Math.min(CHUNK, stat.size - cursor.bytes);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buffer, 0, length, cursor.bytes);
      const chunk = buffer.subarray(0, bytesRead);
      const lastNewline = chunk.lastIndexOf(0x0a);
      if (lastNewline < 0) {
        if (bytesRead < CHUNK) break; // a torn last line: wait until it is complete
        // A line longer than any record may be: skip to its end without keeping it.
        const end = await findNewline(fh, cursor.bytes + bytesRead, stat.size);
        if (end < 0) break;
        problems.push({ line: cursor.lines + 1, message: `a record of more than ${MAX_OP_LINE} bytes was rejected` });
        cursor = { bytes: end + 1, lines: cursor.lines + 1 };
        continue;
      }
      // Parsed in pieces of about SLICE bytes with the event loop let in between.
      let start = 0;
      while (start <= lastNewline) {
        const cut = start + SLICE >= lastNewline ? lastNewline : chunk.indexOf(0x0a, start + SLICE);
        const end = cut < 0 || cut > lastNewline ? lastNewline : cut;
        const read = readOpLines(chunk.subarray(start, end + 1).toString('utf8'), deviceId, cursor.lines + 1, wholeLogOp);
        ops.push(...read.ops);
        problems.push(...read.problems);
        cursor = { bytes: cursor.bytes + (end + 1 - start), lines: cursor.lines + read.lines };
        start = end + 1;
        await new Promise((r) => setImmediate(r));
      }
    }
  } finally {
    await fh.close();
  }
  return { ops, problems, cursor };
}

async function findNewline(fh: Awaited<ReturnType<typeof open>>, from: number, size: number): Promise<number> {
  const buffer = Buffer.alloc(1024 * 1024);
  for (let at = from; at < size; at += buffer.length) {
    const { bytesRead } = await fh.read(buffer, 0, buffer.length, at);
    const i = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (i >= 0) return at + i;
  }
  return -1;
}
