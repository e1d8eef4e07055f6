import { readFileSync, unlinkSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { LibraryOwner } from './library-store.ts';
import { errorCode, fsyncDirectory, isNotFound, readWholeFile, writeAll, type StoreFs } from './store-fs.ts';

export const LOCK_FILE = 'folio.lock';

export interface LockInfo {
  pid: number;
  hostname: string;
  owner: string;
  startedAt: string;
}

export interface LibraryLock {
  readonly path: string;
  readonly info: LockInfo;
  release(): Promise<void>;
}

// A lock file that is still empty or half written belongs to a process in the middle of creating it, unless it is this old.
const HALF_WRITTEN_GRACE_MS = 5_000;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function parseLockInfo(text: string): LockInfo | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, hostname, owner, startedAt } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof hostname !== 'string') return null;
    return { pid, hostname, owner: typeof owner === 'string' ? owner : 'unknown', startedAt: typeof startedAt === 'string' ? startedAt : 'an unknown time' };
  } catch {
    return null;
  }
}

function lockedError(folder: string, holder: LockInfo, ownHost: string): FolioError {
  const where = holder.hostname === ownHost ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.hostname}`;
  const hint = holder.hostname === ownHost ? 'Close it first.' : `Close it first; if Folio is not running on ${holder.hostname}, delete ${join(folder, LOCK_FILE)}.`;
  return new FolioError('LOCKED', `The library ${folder} is already open in another Folio process (${holder.owner}, ${where}, since ${holder.startedAt}). ${hint}`, {
    folder,
    pid: holder.pid,
    hostname: holder.hostname,
    owner: holder.owner,
  });
}

/**
 * One writer per library: folio.lock is created with O_EXCL. A lock left by a
 * dead process on this host is taken over; anything else is refused with LOCKED.
 * The lock is also removed when the process exits normally.
 */
export async function acquireLibraryLock(folder: string, owner: LibraryOwner, options: { fs: StoreFs; now: () => Date }): Promise<LibraryLock> {
  const { fs } = options;
  const path = join(folder, LOCK_FILE);
  const host = osHostname();
  const info: LockInfo = { pid: process.pid, hostname: host, owner, startedAt: options.now().toISOString() };
  const content = JSON.stringify(info) + '\n';

  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const fh = await fs.open(path, 'wx');
      try {
        await writeAll(fh, Buffer.from(content, 'utf8'), 0);
        await fh.sync();
      } catch (error) {
        // A full disk lets the file be created but not filled: an empty lock left behind would refuse every later open.
        await fh.close().catch(() => undefined);
        await fs.unlink(path).catch(() => undefined);
        throw error;
      }
      await fh.close();
      await fsyncDirectory(fs, folder);
      return holdLock(fs, path, info, content);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    let existing: string;
    let ageMs: number;
    try {
      existing = (await readWholeFile(fs, path)).toString('utf8');
      ageMs = Date.now() - (await fs.stat(path)).mtimeMs;
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    const holder = parseLockInfo(existing);
    if (holder === null) {
      if (ageMs < HALF_WRITTEN_GRACE_MS) {
        throw new FolioError('LOCKED', `The library ${folder} is being opened by another Folio process right now. Close it first.`, { folder });
      }
    } else if (holder.hostname !== host || isProcessAlive(holder.pid)) {
      throw lockedError(folder, holder, host);
    }
    await takeOverStale(fs, path, existing);
  }
  throw new FolioError('LOCKED', `Could not take the lock ${path}: other processes keep taking it.`, { folder });
}

/**
 * Moves the stale lock aside and only then deletes it. If another process took
 * the lock over between our read and our rename, what we moved is its fresh
 * lock: put it back and let the next attempt see it.
 */
async function takeOverStale(fs: StoreFs, path: string, staleContent: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(path, aside);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  const moved = (await readWholeFile(fs, aside)).toString('utf8');
  if (moved !== staleContent) {
    await fs.link(aside, path).catch(() => undefined);
  }
  await fs.unlink(aside).catch(() => undefined);
}

function holdLock(fs: StoreFs, path: string, info: LockInfo, content: string): LibraryLock {
  let released = false;
  // Only a lock we wrote is ours to remove: after a takeover by someone else it is theirs.
  const releaseOnExit = (): void => {
    try {
      if (readFileSync(path, 'utf8') === content) unlinkSync(path);
    } catch {
      // Nothing to clean up.
    }
  };
  process.once('exit', releaseOnExit);
  return {
    path,
    info,
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', releaseOnExit);
      try {
        if ((await readWholeFile(fs, path)).toString('utf8') === content) await fs.unlink(path);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
