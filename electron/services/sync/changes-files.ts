import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { DEVICE_ID_PATTERN } from '../../../shared/sync/hlc.ts';
import { isNotFound } from '../library-store/store-fs.ts';
import { writeFileAtomic } from '../library-store/write-file-atomic.ts';

/**
 * `<library>/changes/`: the change log, the replica snapshot, this device's identity, the undo stack and the
 * sync state. Small JSON files are replaced atomically.
 */

export const CHANGES_DIR = 'changes';

export function changesDir(libraryFolder: string): string {
  return join(libraryFolder, CHANGES_DIR);
}

export async function readJsonFile<T>(path: string, check: (value: unknown) => value is T): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return check(value) ? value : null;
}

export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(value, null, 1)}\n`);
}

export interface DeviceIdentity {
  deviceId: string;
  deviceName: string;
}

function isIdentity(value: unknown): value is DeviceIdentity {
  const v = value as DeviceIdentity;
  return typeof v === 'object' && v !== null && typeof v.deviceId === 'string' && DEVICE_ID_PATTERN.test(v.deviceId) && typeof v.deviceName === 'string';
}

/** This library's device id, made once (a library folder belongs to one device at a time). */
export async function loadIdentity(dir: string): Promise<DeviceIdentity> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'device.json');
  const found = await readJsonFile(path, isIdentity);
  if (found) return found;
  const identity = { deviceId: `d${randomBytes(6).toString('hex')}`, deviceName: cleanDeviceName(hostname()) || 'This device' };
  await writeJsonFile(path, identity);
  return identity;
}

export async function saveIdentity(dir: string, identity: DeviceIdentity): Promise<void> {
  await writeJsonFile(join(dir, 'device.json'), identity);
}

export function cleanDeviceName(name: string): string {
  return [...name].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('').trim().slice(0, 100);
}
