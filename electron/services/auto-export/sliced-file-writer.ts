import { stat } from 'node:fs/promises';
import { replaceFileAtomic } from '../library-store/write-file-atomic.ts';
import { writeAll } from '../library-store/store-fs.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';

/** Buffers per writev call (IOV_MAX is 1024 on Linux). */
const BATCH = 1024;

/** Size and mtime after our write, to notice when someone else changed or removed the file. */
export interface WrittenFile {
  size: number;
  mtimeMs: number;
}

/**
 * Writes `parts` joined with `separator` atomically (temp, fsync, rename,
 * fsync dir). The cached entry buffers go to the kernel as they are (writev,
 * no copying into one big buffer), and the event loop gets a turn between
 * batches, so a 100 MB file never blocks it for long.
 */
export async function writePartsAtomic(path: string, parts: readonly Uint8Array[], separator: Uint8Array): Promise<WrittenFile> {
  const slicer = new TimeSlicer(4);
  await replaceFileAtomic(path, async (fh) => {
    let offset = 0;
    let batch: Uint8Array[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const { bytesWritten } = await fh.writev(batch, offset);
      // A short writev is legal: finish the batch the slow, certain way.
      if (bytesWritten < bytes) await writeAll(fh, Buffer.concat(batch, bytes).subarray(bytesWritten), offset + bytesWritten);
      offset += bytes;
      batch = [];
      bytes = 0;
    };
    for (let i = 0; i < parts.length; i++) {
      if (i > 0 && separator.length > 0) {
        batch.push(separator);
        bytes += separator.length;
      }
      const part = parts[i] as Uint8Array;
      batch.push(part);
      bytes += part.length;
      if (batch.length >= BATCH - 1) await flush();
      if (slicer.due()) await slicer.yield();
    }
    await flush();
  });
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs };
}

/** True when the file is still exactly what we last wrote (by size and mtime). */
export async function unchangedSince(path: string, written: WrittenFile | null): Promise<boolean> {
  if (!written) return false;
  const info = await stat(path).catch(() => null);
  return info !== null && info.size === written.size && info.mtimeMs === written.mtimeMs;
}
