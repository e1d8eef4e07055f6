import type { WriteStatus } from './library-store.ts';
import { errorCode } from './store-fs.ts';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the library folder is no longer there (was a drive unplugged?)',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is in use by another program',
};

/** "the disk is full (ENOSPC)" */
export function writeErrorReason(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${REASONS[code] ?? message} (${code})` : message;
}

/** "Could not save library.json: the disk is full (ENOSPC). Your changes are kept in memory and saving is retried." */
export function describeWriteError(what: string, error: unknown): string {
  return `Could not save ${what}: ${writeErrorReason(error)}. Your changes are kept in memory and saving is retried.`;
}

/** For a write that was given up: the change is undone, so the library stays as it was on disk. */
export function describeUnsavedChange(what: string, error: unknown): string {
  return `Could not save ${what}: ${writeErrorReason(error)}. The change was not made; the library is as it was before it.`;
}

export function describeFoldFailure(error: unknown): string {
  return `Could not save library.json: ${writeErrorReason(error)}. This is not retried; every change is kept in library.journal.`;
}

/**
 * Errors from the file system (ENOSPC, EIO, EACCES ...) can pass: freeing space or plugging the drive
 * back in fixes them. Anything else (a value that cannot be serialised, a bug) fails the same way
 * every time, so retrying it would only block every later change behind it.
 */
export function isRetryableWriteError(error: unknown): boolean {
  return errorCode(error) !== undefined;
}

/** Which part of the store failed; the data channels decide whether flush() can succeed. */
export type WriteChannel = 'journal' | 'library' | 'backup';

/** Tracks failing writes per channel and tells listeners when saving breaks and when it recovers. */
export class WriteHealth {
  private readonly failures = new Map<WriteChannel, string>();
  private readonly listeners = new Set<(status: WriteStatus) => void>();
  private latest: string | null = null;

  fail(channel: WriteChannel, message: string): void {
    const before = this.failures.get(channel);
    this.failures.set(channel, message);
    this.latest = message;
    if (before !== message) this.emit({ ok: false, message });
  }

  succeed(channel: WriteChannel): void {
    if (!this.failures.delete(channel)) return;
    const remaining = [...this.failures.values()];
    this.latest = remaining.at(-1) ?? null;
    if (remaining.length === 0) this.emit({ ok: true, message: 'All changes are saved.' });
  }

  lastError(): string | null {
    return this.latest;
  }

  dataError(): string | null {
    return this.failures.get('library') ?? this.failures.get('journal') ?? null;
  }

  emit(status: WriteStatus): void {
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        console.error('library store: a write-status listener threw', error);
      }
    }
  }

  subscribe(listener: (status: WriteStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** 1 s, 2 s, 5 s, 10 s, 20 s, then every 30 s. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000];

export class Backoff {
  private readonly delays: readonly number[];
  private attempt = 0;

  constructor(delays: readonly number[]) {
    this.delays = delays.length > 0 ? delays : DEFAULT_RETRY_DELAYS_MS;
  }

  next(): number {
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)] ?? 30_000;
    this.attempt++;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}
