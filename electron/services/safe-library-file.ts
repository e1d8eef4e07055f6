import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FolioError } from '../../shared/api/api-error.ts';

/*
 * Every file Folio serves, opens or deletes for a host (the web host's /attachments/ and static files, Electron's
 * folio:// protocol and openAttachment, purging) goes through here. A name check alone is not enough: a link, a
 * FIFO or a device can sit at a path that looks harmless. So:
 * - the root's own last segment must be a real directory (a linked `attachments/` is refused), its parents may be links;
 * - reads follow links only while the real path stays inside the root, then refuse anything but a regular file
 *   before opening it (opening a FIFO blocks, opening a device may act), open with O_NOFOLLOW | O_NONBLOCK, and
 *   check the opened descriptor again, so a swap between the check and the open is caught;
 * - deletes and new folders follow no link at all below the root;
 * - reads are bounded by the size the caller allows.
 */

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export interface OpenedLibraryFile {
  /** The real path that was opened. */
  readonly path: string;
  readonly size: number;
  readonly handle: FileHandle;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** `attachments/it_1/x.pdf`: how messages name a file, relative to the library rather than the disk. */
function shown(root: string, relPath: string): string {
  return `${basename(root)}/${relPath}`;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The absolute path of `relPath` under `root` by name alone; refused if the name leaves the root. */
export function pathInsideRoot(root: string, relPath: string): string {
  const full = resolve(root, relPath);
  if (relPath.includes('\0') || !isInside(resolve(root), full)) {
    throw new FolioError('FORBIDDEN', `The path "${relPath}" leaves the ${basename(root)} folder`, { path: relPath });
  }
  return full;
}

/** The root's real path; its last segment must be a real directory, not a link to one. */
async function realRoot(root: string, create = false): Promise<string> {
  const real = join(await realpath(dirname(resolve(root))), basename(root));
  let stats: Stats;
  try {
    stats = await lstat(real);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
    if (!create) throw new FolioError('NOT_FOUND', `The ${basename(root)} folder is missing`);
    await mkdir(real).catch((e: unknown) => (errnoOf(e) === 'EEXIST' ? undefined : Promise.reject(e)));
    stats = await lstat(real);
  }
  if (stats.isSymbolicLink()) {
    throw new FolioError('FORBIDDEN', `The ${basename(root)} folder is a link to another place; Folio uses only files inside the library folder`);
  }
  if (!stats.isDirectory()) throw new FolioError('FORBIDDEN', `${basename(root)} is ${kindOf(stats)}, not a folder`);
  return real;
}

function refusedKind(root: string, relPath: string, stats: Stats): FolioError {
  return new FolioError('FORBIDDEN', `${shown(root, relPath)} is ${kindOf(stats)}, not a regular file`, { path: relPath });
}

function tooLarge(root: string, relPath: string, size: number, maxBytes: number): FolioError {
  const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  return new FolioError('FORBIDDEN', `${shown(root, relPath)} is too large (${mb(size)}; the limit is ${mb(maxBytes)})`, { path: relPath });
}

/** The real path of an existing entry under root, refused if that real path is outside the root. */
async function resolveInsideRoot(root: string, relPath: string): Promise<string> {
  const full = pathInsideRoot(root, relPath);
  const rootReal = await realRoot(root);
  let real: string;
  try {
    real = await realpath(full);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FolioError('NOT_FOUND', `${shown(root, relPath)} is missing`, { path: relPath });
    if (code === 'ELOOP') throw new FolioError('FORBIDDEN', `${shown(root, relPath)} is a loop of links`, { path: relPath });
    throw error;
  }
  if (!isInside(rootReal, real)) {
    throw new FolioError('FORBIDDEN', `${shown(root, relPath)} leads outside the ${basename(root)} folder`, { path: relPath });
  }
  return real;
}

/**
 * Opens a regular file under root for reading, never blocking (a FIFO is refused before it is opened) and never
 * following a link out of the root. The caller closes the handle; at most `size` bytes are to be read from it.
 */
export async function openInsideRoot(root: string, relPath: string, maxBytes: number): Promise<OpenedLibraryFile> {
  const real = await resolveInsideRoot(root, relPath);
  const before = await lstat(real);
  if (!before.isFile()) throw refusedKind(root, relPath, before);
  if (before.size > maxBytes) throw tooLarge(root, relPath, before.size, maxBytes);
  let handle: FileHandle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (error) {
    if (errnoOf(error) === 'ELOOP') throw new FolioError('FORBIDDEN', `${shown(root, relPath)} became a link while being opened`, { path: relPath });
    throw error;
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw refusedKind(root, relPath, opened);
    if (opened.ino !== before.ino || opened.dev !== before.dev) {
      throw new FolioError('FORBIDDEN', `${shown(root, relPath)} was replaced while being opened`, { path: relPath });
    }
    if (opened.size > maxBytes) throw tooLarge(root, relPath, opened.size, maxBytes);
    return { path: real, size: opened.size, handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads a whole regular file under root: at most `maxBytes`, and at most the size it had when opened. */
export async function readInsideRoot(root: string, relPath: string, maxBytes: number): Promise<Buffer> {
  const file = await openInsideRoot(root, relPath, maxBytes);
  try {
    const body = Buffer.allocUnsafe(file.size);
    let filled = 0;
    while (filled < body.length) {
      const { bytesRead } = await file.handle.read(body, filled, body.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return body.subarray(0, filled);
  } finally {
    await file.handle.close();
  }
}

/** The real path of a regular file under root, checked by opening it as a read would (for a system viewer). */
export async function checkedPathInsideRoot(root: string, relPath: string): Promise<string> {
  const file = await openInsideRoot(root, relPath, Number.POSITIVE_INFINITY);
  await file.handle.close();
  return file.path;
}

/** The real path of the folder `segments` under root when none of them is a link; null when it does not exist. */
async function linkFreeDir(root: string, rootReal: string, segments: readonly string[], create: boolean): Promise<string | null> {
  let current = rootReal;
  for (const segment of segments) {
    current = join(current, segment);
    const shownDir = shown(root, relative(rootReal, current).split(sep).join('/'));
    let stats: Stats;
    try {
      stats = await lstat(current);
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error;
      if (!create) return null;
      await mkdir(current).catch((e: unknown) => (errnoOf(e) === 'EEXIST' ? undefined : Promise.reject(e)));
      stats = await lstat(current);
    }
    if (stats.isSymbolicLink()) {
      throw new FolioError('FORBIDDEN', `${shownDir} is a link to another place; Folio writes and deletes only inside the library folder`);
    }
    if (!stats.isDirectory()) throw new FolioError('FORBIDDEN', `${shownDir} is ${kindOf(stats)}, not a folder`);
  }
  return current;
}

function segmentsBelow(root: string, full: string): string[] {
  const rel = relative(resolve(root), full);
  return rel === '' ? [] : rel.split(sep);
}

/** Creates `relDir` under root segment by segment, refusing any segment that is a link; returns its real path. */
export async function makeDirInsideRoot(root: string, relDir: string): Promise<string> {
  const full = pathInsideRoot(root, relDir);
  const rootReal = await realRoot(root, true);
  return (await linkFreeDir(root, rootReal, segmentsBelow(root, full), true)) ?? rootReal;
}

/**
 * Deletes a regular file under root, following no link on the way: a linked folder, a link in the file's
 * place or a FIFO is refused and left alone. An emptied parent folder (below root) goes too.
 * Returns false when there was nothing to delete.
 */
export async function removeInsideRoot(root: string, relPath: string): Promise<boolean> {
  const full = pathInsideRoot(root, relPath);
  const rootReal = await realRoot(root);
  const parent = await linkFreeDir(root, rootReal, segmentsBelow(root, dirname(full)), false);
  if (parent === null) return false;
  const target = join(parent, basename(full));
  let stats: Stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
  if (!stats.isFile()) throw new FolioError('FORBIDDEN', `${shown(root, relPath)} is ${kindOf(stats)}, not a regular file: left in place`, { path: relPath });
  await unlink(target);
  if (parent !== rootReal) await rmdir(parent).catch(() => undefined);
  return true;
}
