import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode, fsyncDirectory, nodeStoreFs, renameWithRetry, writeAll, type FileHandle, type StoreFs } from './store-fs.ts';
import { TextFileWriter } from './text-writer.ts';

/** A failed atomic write; `renamed` says whether the new file already replaced the old one (only the directory fsync failed). */
export class AtomicWriteError extends Error {
  readonly code: string | undefined;
  readonly renamed: boolean;

  constructor(cause: unknown, renamed: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'AtomicWriteError';
    this.code = errorCode(cause);
    this.renamed = renamed;
  }
}

const TEMP_PATTERN = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** True for temp files this module makes, with the pid of the process that made them. */
export function parseTempName(name: string): { pid: number } | null {
  const match = TEMP_PATTERN.exec(name);
  return match ? { pid: Number(match[1]) } : null;
}

/**
 * Replaces `path` so that a crash at any moment leaves either the old or the new
 * file, complete: temp file in the same directory, fill, fsync, rename, fsync the directory.
 * The temp file is removed on failure.
 */
export async function replaceFileAtomic(path: string, fill: (fh: FileHandle) => Promise<void>, fs: StoreFs = nodeStoreFs): Promise<void> {
  const temp = tempPathFor(path);
  let fh: FileHandle | undefined;
  let created = false;
  let renamed = false;
  try {
    fh = await fs.open(temp, 'wx');
    created = true;
    await fill(fh);
    await fh.sync();
    const closing = fh;
    fh = undefined;
    await closing.close();
    await renameWithRetry(fs, temp, path);
    renamed = true;
    await fsyncDirectory(fs, dirname(path));
  } catch (error) {
    await fh?.close().catch(() => undefined);
    if (created && !renamed) await fs.unlink(temp).catch(() => undefined);
    throw new AtomicWriteError(error, renamed);
  }
}

/** Atomic, durable file write for any service (library.json, ui-state.json, exports). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: StoreFs = nodeStoreFs): Promise<void> {
  await replaceFileAtomic(path, async (fh) => {
    if (typeof data !== 'string') {
      await writeAll(fh, data, 0);
      return;
    }
    // A whole export is tens of MB: encoded piece by piece, not into one buffer as large again.
    const writer = new TextFileWriter(fh);
    await writer.write(data);
    await writer.end();
  }, fs);
}

/** Copies `from` to `to` atomically and durably (the kernel copies; we only fsync and rename). */
export async function copyFileAtomic(from: string, to: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  const temp = tempPathFor(to);
  let renamed = false;
  try {
    // A copy that fails half way (ENOSPC) leaves a partial temp file, so cleanup does not depend on copyFile succeeding.
    await fs.copyFile(from, temp);
    const fh = await fs.open(temp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(fs, temp, to);
    renamed = true;
    await fsyncDirectory(fs, dirname(to));
  } catch (error) {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
    throw new AtomicWriteError(error, renamed);
  }
}
