import { join } from 'node:path';
import { pathExists, type StoreFs } from './store-fs.ts';

/** 2024-05-01T12-30-45.123Z: sorts by time and is a valid file name on Windows too. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

export function parseFileStamp(stamp: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2}\.\d{3})Z$/.exec(stamp);
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * `<dir>/<prefix><stamp><suffix>` that does not exist yet. On a clash the stamp
 * moves on by a millisecond, which keeps names sorting by time. Callers hold the
 * library lock, so nobody else creates these names meanwhile.
 */
export async function uniqueStampedPath(fs: StoreFs, dir: string, prefix: string, suffix: string, date: Date): Promise<string> {
  for (let offset = 0; ; offset++) {
    const candidate = join(dir, `${prefix}${fileStamp(new Date(date.getTime() + offset))}${suffix}`);
    if (!(await pathExists(fs, candidate))) return candidate;
  }
}

/** Renames `path` aside to `<path>.<label>-<stamp>` without ever overwriting, and returns the new path. */
export async function moveAside(fs: StoreFs, path: string, label: string, date: Date): Promise<string> {
  const lastSlash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = path.slice(0, lastSlash);
  const name = path.slice(lastSlash + 1);
  const target = await uniqueStampedPath(fs, dir, `${name}.${label}-`, '', date);
  await fs.rename(path, target);
  return target;
}
