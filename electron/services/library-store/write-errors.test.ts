import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { tempFilesIn, tempLibraryFolder, waitFor } from '../../../tests/helpers/store-test-support.ts';
import type { WriteStatus } from './library-store.ts';
import { openLibraryStore } from './open-library-store.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';

function ioError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

/**
 * The real file system, except that while `failing` is set, writing to a file
 * throws (after the file was opened, so temp files really exist) and, in
 * 'open' mode, opening a file for writing throws.
 */
function faultyFs(code: string, mode: 'write' | 'open'): { fs: StoreFs; setFailing: (on: boolean) => void } {
  let failing = false;
  const fs: StoreFs = {
    ...nodeStoreFs,
    async open(path, flags, openMode) {
      const writing = flags !== undefined && flags !== 'r';
      if (failing && writing && mode === 'open') throw ioError(code);
      const fh = await fsp.open(path, flags, openMode);
      if (!writing) return fh;
      return new Proxy(fh, {
        get(target, prop) {
          if (failing && (prop === 'write' || prop === 'writev' || prop === 'writeFile')) return () => Promise.reject(ioError(code));
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
    async copyFile(from, to, copyMode) {
      if (failing) throw ioError(code);
      return fsp.copyFile(from, to, copyMode);
    },
  };
  return { fs, setFailing: (on) => (failing = on) };
}

describe('write errors', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('errors'));
  });
  afterEach(async () => {
    await remove();
  });

  it('keeps a change in memory through ENOSPC, reports it, retries and then saves it', async () => {
    const { fs, setFailing } = faultyFs('ENOSPC', 'write');
    const store = await openLibraryStore(dir, { owner: 'test', fs, tuning: { retryDelaysMs: [30, 60], quietCompactMs: 60_000 } });
    const statuses: WriteStatus[] = [];
    store.onWriteStatus((status) => statuses.push(status));

    setFailing(true);
    let saved = false;
    const commit = store.commit([{ op: 'putItems', items: [makeTestItem(1)] }]).then(() => (saved = true));
    await waitFor(() => statuses.length > 0);
    expect(statuses[0]).toEqual({ ok: false, message: 'Could not save library.journal: the disk is full (ENOSPC). Your changes are kept in memory and saving is retried.' });
    expect(store.lastWriteError()).toContain('ENOSPC');
    expect(store.getItem(makeTestItem(1).id)).toEqual(makeTestItem(1));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(saved).toBe(false);
    expect(await tempFilesIn(dir)).toEqual([]);

    setFailing(false);
    await commit;
    expect(statuses.at(-1)).toEqual({ ok: true, message: 'All changes are saved.' });
    expect(store.lastWriteError()).toBeNull();
    await store.close();

    const reopened = await openLibraryStore(dir, { owner: 'test' });
    expect(reopened.getItem(makeTestItem(1).id)).toEqual(makeTestItem(1));
    await reopened.close();
  });

  it('makes flush() reject with IO while library.json cannot be written; close() still ends, as the journal holds every change', async () => {
    const { fs, setFailing } = faultyFs('EROFS', 'write');
    const store = await openLibraryStore(dir, { owner: 'test', fs, tuning: { retryDelaysMs: [20], flushTimeoutMs: 200, quietCompactMs: 60_000 } });
    await store.commit([{ op: 'putItems', items: [makeTestItem(1)] }]);
    setFailing(true);
    await expect(store.flush()).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('the disk is read-only (EROFS)') });
    expect(await tempFilesIn(dir)).toEqual([]);
    await store.close();
    expect(store.warnings.at(-1)).toMatch(/library\.json could not be updated \(the disk is read-only \(EROFS\)\)\. Every change is safe in library\.journal/);
    expect(await tempFilesIn(dir)).toEqual([]);

    setFailing(false);
    const reopened = await openLibraryStore(dir, { owner: 'test' });
    expect(reopened.getItem(makeTestItem(1).id)).toEqual(makeTestItem(1));
    await reopened.close();
    const onDisk = JSON.parse(await fsp.readFile(join(dir, 'library.json'), 'utf8')) as { items: unknown[] };
    expect(onDisk.items).toHaveLength(1);
  });

  it('keeps the store open (and locked) when close() cannot make a change durable anywhere', async () => {
    const { fs, setFailing } = faultyFs('EROFS', 'write');
    const store = await openLibraryStore(dir, { owner: 'test', fs, tuning: { retryDelaysMs: [20], flushTimeoutMs: 200, quietCompactMs: 60_000 } });
    setFailing(true);
    const commit = store.commit([{ op: 'putItems', items: [makeTestItem(1)] }]);
    await expect(store.close()).rejects.toMatchObject({ code: 'IO' });
    await expect(openLibraryStore(dir, { owner: 'test' })).rejects.toMatchObject({ code: 'LOCKED' });
    setFailing(false);
    await commit;
    await store.close();
    const onDisk = JSON.parse(await fsp.readFile(join(dir, 'library.json'), 'utf8')) as { items: unknown[] };
    expect(onDisk.items).toHaveLength(1);
  });

  it('retries when files cannot even be opened for writing (EACCES)', async () => {
    const { fs, setFailing } = faultyFs('EACCES', 'open');
    const store = await openLibraryStore(dir, { owner: 'test', fs, tuning: { retryDelaysMs: [20], quietCompactMs: 60_000 } });
    setFailing(true);
    const commit = store.commit([{ op: 'putItems', items: [makeTestItem(2)] }]);
    await waitFor(() => store.lastWriteError() !== null);
    expect(store.lastWriteError()).toContain('permission was denied (EACCES)');
    setFailing(false);
    await commit;
    expect(store.lastWriteError()).toBeNull();
    await store.close();
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('a commit written whole as library.json: on ENOSPC the CLI refuses it at once, nothing changed; the window journals it instead', async () => {
    const items = Array.from({ length: 5 }, (_, i) => makeTestItem(i));
    const first = faultyFs('ENOSPC', 'write');
    const cli = await openLibraryStore(dir, { owner: 'cli', fs: first.fs, tuning: { wholeWriteItems: 5 } });
    const before = await fsp.readFile(join(dir, 'library.json'));
    first.setFailing(true);
    await expect(cli.commit([{ op: 'putItems', items }])).rejects.toThrow(/Could not save library\.json: the disk is full \(ENOSPC\)\. The change was not made/);
    expect(cli.itemCount()).toBe(0);
    first.setFailing(false);
    await cli.close();
    expect((await fsp.readFile(join(dir, 'library.json'))).equals(before)).toBe(true);
    expect(await tempFilesIn(dir)).toEqual([]);

    // Only library.json's temp file fails: the journal takes the record.
    let failLibrary = true;
    const journalOnly: StoreFs = {
      ...nodeStoreFs,
      open: (path, flags, mode) => (failLibrary && String(path).includes('library.json') && flags !== 'r' ? Promise.reject(ioError('ENOSPC')) : nodeStoreFs.open(path, flags, mode)),
    };
    const again = await openLibraryStore(dir, { owner: 'test', fs: journalOnly, tuning: { wholeWriteItems: 5, quietCompactMs: 60_000 } });
    await again.commit([{ op: 'putItems', items }]);
    expect((await fsp.stat(join(dir, 'library.journal'))).size).toBeGreaterThan(0);
    failLibrary = false;
    await again.close();
    const reopened = await openLibraryStore(dir, { owner: 'test' });
    expect(reopened.itemCount()).toBe(5);
    await reopened.close();
  });
});

