import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { BackupShelf } from './backups.ts';
import { serializeLibraryDoc } from './library-doc-text.ts';
import type { FileFingerprint } from './library-file.ts';
import { LIBRARY_MIGRATIONS } from './migrations.ts';
import { nodeStoreFs } from './store-fs.ts';

async function libraryText(): Promise<string> {
  let text = '';
  for await (const chunk of serializeLibraryDoc(emptyLibraryDoc(), 5)) text += chunk;
  return text;
}

function fingerprintOf(text: string): FileFingerprint {
  const bytes = Buffer.from(text, 'utf8');
  return { size: bytes.length, mtimeMs: 0, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('BackupShelf verification', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  let shelf: BackupShelf;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('backups'));
    shelf = new BackupShelf(join(dir, 'backups'), { fs: nodeStoreFs, migrations: LIBRARY_MIGRATIONS, keep: 3 });
  });
  afterEach(async () => {
    await remove();
  });

  async function copyOf(text: string, at: number): Promise<string> {
    const source = join(dir, 'library.json');
    await writeFile(source, text);
    const backup = await shelf.copyIn(source, new Date(at));
    return backup.name;
  }

  it('takes a copy with exactly the bytes of the fingerprint as verified, by its hash alone', async () => {
    // Not a library at all: only the hash can have passed it, which shows the full parse was skipped.
    const text = 'bytes Folio wrote and fingerprinted';
    const name = await copyOf(text, 1_000);
    await shelf.verifyOrDiscard({ name, path: join(dir, 'backups', name), takenAt: new Date(1_000) }, fingerprintOf(text));
    expect(await readdir(join(dir, 'backups'))).toEqual([name]);
  });

  it('gives a copy that differs from the fingerprint the full check: a valid library is kept', async () => {
    const text = await libraryText();
    const name = await copyOf(text, 2_000);
    await shelf.verifyOrDiscard({ name, path: join(dir, 'backups', name), takenAt: new Date(2_000) }, fingerprintOf(`${text} `));
    expect(await readdir(join(dir, 'backups'))).toEqual([name]);
  });

  it('deletes a copy that differs from the fingerprint and fails the full check, and says why', async () => {
    const text = await libraryText();
    const name = await copyOf(text.slice(0, -10), 3_000);
    const backup = { name, path: join(dir, 'backups', name), takenAt: new Date(3_000) };
    await expect(shelf.verifyOrDiscard(backup, fingerprintOf(text))).rejects.toThrow(`The backup ${name} did not verify after writing`);
    expect(await readdir(join(dir, 'backups'))).toEqual([]);
  });

  it('without a fingerprint, parses the copy as before', async () => {
    const name = await copyOf('{ not json', 4_000);
    await expect(shelf.verifyOrDiscard({ name, path: join(dir, 'backups', name), takenAt: new Date(4_000) })).rejects.toThrow('did not verify');
  });
});
