import { basename, dirname } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import { isNotFound, type StoreFs } from './store-fs.ts';

type Stats = Awaited<ReturnType<StoreFs['lstat']>>;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Folio's own files must be plain files: reading a pipe or a device can wait forever (and leave
 * the lock behind), a folder gives a bare EISDIR, and a symbolic link would be replaced by a plain
 * file on the next atomic write (temp file + rename). Refused with a sentence before anything is read.
 */
export async function requireRegularFile(fs: StoreFs, path: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.lstat(path);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  if (stats.isFile()) return;
  const name = basename(path);
  const why = stats.isSymbolicLink()
    ? `Folio saves ${name} by writing a new file and renaming it into place, which would replace the link with a plain file. Put the file itself in the library folder, or open the folder the link points into with --library.`
    : `Folio reads and writes ${name} only as a plain file. Move it out of the library folder and open the library again.`;
  throw new FolioError('IO', `${name} in ${dirname(path)} is ${kindOf(stats)}, not a plain file, so the library was not opened. ${why}`, { file: path });
}
