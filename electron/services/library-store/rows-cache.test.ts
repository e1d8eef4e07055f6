import { appendFile, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { makeTestItems } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { openLibraryStore } from './open-library-store.ts';
import { readRowsCache, ROWS_CACHE_FILE } from './rows-cache.ts';
import { nodeStoreFs } from './store-fs.ts';

describe('rows-cache.json', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('rows-cache'));
  });
  afterEach(async () => {
    await remove();
  });

  const files = () => ({ libraryFile: join(dir, 'library.json'), journalFile: join(dir, 'library.journal') });
  const cacheExists = async () => (await readdir(dir)).includes(ROWS_CACHE_FILE);

  async function closedLibrary(count: number): Promise<void> {
    const store = await openLibraryStore(dir, { owner: 'test', rowsCache: true });
    const items = makeTestItems(0, count);
    items[3] = { ...items[3]!, trashedAt: '2024-03-03T00:00:00.000Z' };
    await store.commit([{ op: 'putItems', items }]);
    await store.close();
  }

  it('is written at a clean close with every row, trashed ones included, in store order, stamped with library.json', async () => {
    await closedLibrary(25);
    const cache = await readRowsCache(nodeStoreFs, dir, files());
    const doc = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { journalSeq: number; items: Parameters<typeof toItemRow>[0][] };
    expect(cache?.rows).toEqual(doc.items.map(toItemRow));
    expect(cache?.rows[3]?.trashed).toBe(true);
    const { size, mtimeMs } = await stat(join(dir, 'library.json'));
    expect(cache?.libraryJson).toEqual({ size, mtimeMs });
    expect(cache?.journalSeq).toBe(doc.journalSeq);
    // The whole file is one JSON document too.
    expect((JSON.parse(await readFile(join(dir, ROWS_CACHE_FILE), 'utf8')) as { rows: unknown[] }).rows).toHaveLength(25);
  });

  it('is not written by stores opened without the option', async () => {
    const store = await openLibraryStore(dir, { owner: 'test' });
    await store.commit([{ op: 'putItems', items: makeTestItems(0, 2) }]);
    await store.close();
    expect(await cacheExists()).toBe(false);
  });

  it('is ignored and removed once library.json changed size', async () => {
    await closedLibrary(5);
    await appendFile(join(dir, 'library.json'), '\n');
    expect(await readRowsCache(nodeStoreFs, dir, files())).toBeNull();
    expect(await cacheExists()).toBe(false);
  });

  it('is ignored and removed once library.json was rewritten with the same size', async () => {
    await closedLibrary(5);
    const path = join(dir, 'library.json');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('A study of things, part 1"', 'A study of THINGS, part 1"'));
    const later = new Date(Date.now() + 5_000);
    await utimes(path, later, later);
    expect(await readRowsCache(nodeStoreFs, dir, files())).toBeNull();
    expect(await cacheExists()).toBe(false);
  });

  it('is ignored and removed when the journal holds a change newer than the cache', async () => {
    await closedLibrary(5);
    const record = { seq: 99, ops: [{ op: 'deleteItems', ids: ['it_00000001'] }] };
    await writeFile(join(dir, 'library.journal'), JSON.stringify(record) + '\n');
    expect(await readRowsCache(nodeStoreFs, dir, files())).toBeNull();
    expect(await cacheExists()).toBe(false);
  });

  it('is ignored and removed when it is damaged', async () => {
    await closedLibrary(5);
    const path = join(dir, ROWS_CACHE_FILE);
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, -40));
    expect(await readRowsCache(nodeStoreFs, dir, files())).toBeNull();
    expect(await cacheExists()).toBe(false);
  });

  it('is ignored and removed when written by an older version, whose rows had no annotation count', async () => {
    await closedLibrary(5);
    const path = join(dir, ROWS_CACHE_FILE);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('"annotationCount":0');
    await writeFile(path, text.replace(/"version":\s*2/, '"version":1').replaceAll(/"annotationCount":0,?/g, ''));
    expect(await readRowsCache(nodeStoreFs, dir, files())).toBeNull();
    expect(await cacheExists()).toBe(false);
  });

  it('refuses rows without a whole annotation count, even under the current version', async () => {
    await closedLibrary(5);
    const path = join(dir, ROWS_CACHE_FILE);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"annotationCount":0', '"annotationCount":-1'));
    expect(await readRowsCache(nodeStoreFs, dir, files())).toBeNull();
  });

  it('is dropped when the library is opened, and written again at the next clean close', async () => {
    await closedLibrary(5);
    const store = await openLibraryStore(dir, { owner: 'test', rowsCache: true });
    expect(await cacheExists()).toBe(false);
    await store.close();
    expect((await readRowsCache(nodeStoreFs, dir, files()))?.rows).toHaveLength(5);
  });
});
