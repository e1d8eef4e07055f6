import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/**
 * The file-system calls the store makes, so tests can inject ENOSPC and friends.
 * `node:fs/promises` itself satisfies it.
 */
export type StoreFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'readdir' | 'mkdir' | 'copyFile' | 'link' | 'readFile'>;

export const nodeStoreFs: StoreFs = fsp;

export type { FileHandle };

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}

/** fh.write may write less than asked; a short write must never be mistaken for a whole record. */
export async function writeAll(fh: FileHandle, data: Uint8Array, position: number | null = null): Promise<number> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, position === null ? null : position + done);
    if (bytesWritten <= 0) throw new Error('write made no progress');
    done += bytesWritten;
  }
  return done;
}

/** One read call for the whole file: far quicker than readFile's 512 KiB round trips on a 100 MB library. */
export async function readWholeFile(fs: StoreFs, path: string): Promise<Buffer> {
  const fh = await fs.open(path, 'r');
  try {
    const { size } = await fh.stat();
    const buffer = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await fh.read(buffer, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === size ? buffer : buffer.subarray(0, done);
  } finally {
    await fh.close();
  }
}

export async function pathExists(fs: StoreFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

// Some file systems (network mounts, FAT on Linux) refuse to fsync a directory; the rename is as durable as they allow.
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF']);

/** Makes a rename or create in `dir` survive power loss. Windows cannot open directories, and NTFS journals renames. */
export async function fsyncDirectory(fs: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let fh: FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fh.sync();
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !DIR_SYNC_UNSUPPORTED.has(code)) throw error;
  } finally {
    await fh?.close();
  }
}

/** Windows refuses a rename while a virus scanner or sync client holds the target open; that passes within moments. */
export async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}
