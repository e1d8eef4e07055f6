import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/api/api-error.ts';
import { API_METHOD_NAMES } from '../../../shared/api/api-methods.ts';
import type { LibraryChangedEvent } from '../../../shared/api/event-types.ts';
import { serializeLibraryDocToString } from '../library-store/library-doc-text.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { openFolioService } from '../folio-service.ts';

async function seed(dir: string, titles: string[]): Promise<void> {
  const service = await openFolioService(dir, 'test', { host: 'web' });
  await service.ready;
  for (const title of titles) await service.api.library.createItem({ csl: { type: 'article-journal', title } });
  await service.api.collections.create('Reading', null);
  await service.dispose();
}

describe('warm start from rows-cache.json', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('warm'));
  });
  afterEach(async () => {
    await remove();
  });

  it('lists rows and answers info from the cache before the library has loaded', async () => {
    await seed(dir, ['First', 'Second', 'Third']);
    const service = await openFolioService(dir, 'test', { host: 'web' });
    let loaded = false;
    void service.ready.then(() => (loaded = true));
    const rows = await service.api.library.listRows();
    const info = await service.api.library.info();
    const collections = await service.api.collections.list();
    expect(loaded).toBe(false);
    expect(collections.map((c) => c.name)).toEqual(['Reading']);
    expect(() => service.store).toThrow(/still loading/);
    const ui = await service.api.ui.getState();
    expect(rows.map((r) => r.title)).toEqual(['First', 'Second', 'Third']);
    expect(info.itemCount).toBe(3);
    expect(ui.view).toBeTypeOf('string');
    await service.ready;
    expect(await service.api.library.listRows()).toEqual(rows);
    expect(service.store.itemCount()).toBe(3);
    await service.dispose();
  });

  it('runs every other call once the library has loaded, in call order', async () => {
    await seed(dir, ['Alpha']);
    const service = await openFolioService(dir, 'test', { host: 'web' });
    const id = (await service.api.library.listRows())[0]?.id;
    if (!id) throw new Error('no row');
    const created = service.api.library.createItem({ csl: { type: 'book', title: 'Beta' } });
    const item = service.api.library.getItem(id);
    const tags = service.api.library.allTags();
    expect((await item).csl.title).toBe('Alpha');
    expect((await created).csl.title).toBe('Beta');
    expect(await tags).toEqual([]);
    expect(service.store.itemCount()).toBe(2);
    await service.dispose();
  });

  it('offers every method of the API while loading', async () => {
    await seed(dir, ['Alpha']);
    const service = await openFolioService(dir, 'test', { host: 'web' });
    const api = service.api as unknown as Record<string, Record<string, unknown>>;
    for (const name of API_METHOD_NAMES) {
      const [group, method] = name.split('.') as [string, string];
      expect(typeof api[group]?.[method], name).toBe('function');
    }
    await service.ready;
    await service.dispose();
  });

  it('never serves the cache after library.json was edited outside Folio', async () => {
    await seed(dir, ['Original title']);
    const path = join(dir, 'library.json');
    const { mtime } = await stat(path);
    // The same byte count: only the mtime tells the edit apart.
    await writeFile(path, (await readFile(path, 'utf8')).replace('Original title', 'Edited  title!'));
    await utimes(path, mtime, new Date(mtime.getTime() + 2_000));
    const service = await openFolioService(dir, 'test', { host: 'web' });
    expect((await service.api.library.listRows()).map((r) => r.title)).toEqual(['Edited  title!']);
    expect(service.store.itemCount()).toBe(1);
    await service.dispose();
  });

  it('refuses a locked library at once, before serving anything', async () => {
    await seed(dir, ['Alpha']);
    const first = await openFolioService(dir, 'test', { host: 'web' });
    const error = await openFolioService(dir, 'test', { host: 'web' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('LOCKED');
    await first.ready;
    await first.dispose();
  });

  it('rejects pending calls with the load error when loading fails after the cache was served', async () => {
    await seed(dir, ['Alpha']);
    await rm(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups'), 'a file where the backups folder should be');
    const service = await openFolioService(dir, 'test', { host: 'web' });
    expect(await service.api.library.listRows()).toHaveLength(1);
    const pending = service.api.library.allTags().catch((e: unknown) => e);
    await expect(service.ready).rejects.toBeInstanceOf(FolioError);
    const error = await pending;
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).code).toBe('IO');
    await service.dispose();
    // The failed open released the lock.
    await rm(join(dir, 'backups'));
    await mkdir(join(dir, 'backups'));
    const again = await openFolioService(dir, 'test', { host: 'web' });
    await again.ready;
    await again.dispose();
  });

  it('shows recovery warnings in info() once loaded when the file was damaged without changing size or mtime', async () => {
    await seed(dir, ['Alpha', 'Beta']);
    const path = join(dir, 'library.json');
    const backup = await serializeLibraryDocToString(JSON.parse(await readFile(path, 'utf8')));
    await writeFile(join(dir, 'backups', 'library-2024-01-01T00-00-00.000Z.json'), backup);
    const text = await readFile(path, 'utf8');
    // A raw control character in a string: invalid JSON in the same number of bytes.
    await writeFile(path, text.replace('"title":"Alpha"', '"title":"Alpha\u0000'));
    // Bit rot keeps size and mtime; Node cannot put a nanosecond mtime back, so the stamp follows the file instead.
    const after = await stat(path);
    const cachePath = join(dir, 'rows-cache.json');
    const cacheText = await readFile(cachePath, 'utf8');
    await writeFile(cachePath, cacheText.replace(/"libraryJson":\{[^}]*\}/, `"libraryJson":${JSON.stringify({ size: after.size, mtimeMs: after.mtimeMs })}`));
    const service = await openFolioService(dir, 'test', { host: 'web' });
    const changes: LibraryChangedEvent[] = [];
    service.hub.asEvents().onLibraryChanged((event) => changes.push(event));
    expect((await service.api.library.info()).warnings).toEqual([]);
    await service.ready;
    expect((await service.api.library.info()).warnings[0]).toMatch(/library\.json could not be read/);
    expect(changes).toEqual([{ itemIds: 'all', collectionsChanged: true }]);
    await service.dispose();
  });
});
