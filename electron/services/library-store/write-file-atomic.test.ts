import * as fsp from 'node:fs/promises';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';
import { AtomicWriteError, copyFileAtomic, writeFileAtomic } from './write-file-atomic.ts';

describe('writeFileAtomic', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('atomic'));
  });
  afterEach(async () => {
    await remove();
  });

  it('writes strings and bytes, replacing what was there', async () => {
    const path = join(dir, 'ui-state.json');
    await writeFileAtomic(path, '{"a":1}');
    expect(await readFile(path, 'utf8')).toBe('{"a":1}');
    await writeFileAtomic(path, new Uint8Array([104, 105]));
    expect(await readFile(path, 'utf8')).toBe('hi');
    expect(await readdir(dir)).toEqual(['ui-state.json']);
  });

  it('leaves the old file and no temp file when the write fails', async () => {
    const path = join(dir, 'export.bib');
    await writeFile(path, 'old');
    const failingFs: StoreFs = {
      ...nodeStoreFs,
      async open(file, flags, mode) {
        const fh = await fsp.open(file, flags, mode);
        return new Proxy(fh, {
          get(target, prop) {
            if (prop === 'sync') return () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
            const value: unknown = Reflect.get(target, prop, target);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    };
    const attempt = writeFileAtomic(path, 'new', failingFs);
    await expect(attempt).rejects.toBeInstanceOf(AtomicWriteError);
    await expect(attempt).rejects.toMatchObject({ code: 'EIO', renamed: false });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['export.bib']);
  });

  it('copies a file atomically', async () => {
    await writeFile(join(dir, 'a'), 'content');
    await copyFileAtomic(join(dir, 'a'), join(dir, 'b'));
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('content');
    expect((await readdir(dir)).sort()).toEqual(['a', 'b']);
  });
});
