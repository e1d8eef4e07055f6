import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import type { Item } from '../../../shared/model/item.ts';
import { openLibraryStore } from './open-library-store.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';

function deepItem(n: number): Item {
  let value: unknown = 1;
  for (let i = 0; i < 5_000; i++) value = { a: value };
  return { ...makeTestItem(n), csl: { type: 'article', title: 'deep', x: value } as Item['csl'] };
}

/** Writes to library.journal throw `error` while `failing` is set. */
function failingJournalFs(error: () => Error): { fs: StoreFs; setFailing: (on: boolean) => void } {
  let failing = false;
  const fs: StoreFs = {
    ...nodeStoreFs,
    async open(path, flags, mode) {
      const fh = await fsp.open(path, flags, mode);
      if (!String(path).endsWith('library.journal')) return fh;
      return new Proxy(fh, {
        get(target, prop) {
          if (failing && prop === 'write') return () => Promise.reject(error());
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
  return { fs, setFailing: (on) => (failing = on) };
}

describe('changes that cannot be saved', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('unsaveable'));
  });
  afterEach(async () => {
    await remove();
  });

  it('refuses an item nested 5,000 levels deep at commit, and every later change still saves', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: { quietCompactMs: 60_000 } });
    await expect(store.commit([{ op: 'putItems', items: [deepItem(1)] }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/"csl\.x\.a\.a.*" is nested more than 32 levels deep\); nothing was changed/),
    });
    expect(store.getItem(makeTestItem(1).id)).toBeUndefined();
    for (let n = 2; n <= 6; n++) await store.commit([{ op: 'putItems', items: [makeTestItem(n)] }]);
    await store.close();
    const reopened = await openLibraryStore(dir, { owner: 'test' });
    expect(reopened.itemCount()).toBe(5);
    await reopened.close();
  });

  it('fails a commit whose journal write fails for a reason retrying cannot fix, undoes it, and does not block the next one', async () => {
    const { fs, setFailing } = failingJournalFs(() => new RangeError('Maximum call stack size exceeded'));
    const store = await openLibraryStore(dir, { owner: 'test', fs, tuning: { retryDelaysMs: [10], quietCompactMs: 60_000 } });
    await store.commit([{ op: 'putItems', items: [makeTestItem(1)] }]);
    const edited = { ...makeTestItem(1), rating: 5 };
    setFailing(true);
    await expect(store.commit([{ op: 'putItems', items: [edited, makeTestItem(2)] }])).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringContaining('Maximum call stack size exceeded. The change was not made'),
    });
    expect(store.getItem(makeTestItem(1).id)).toEqual(makeTestItem(1));
    expect(store.getItem(makeTestItem(2).id)).toBeUndefined();
    expect(store.lastWriteError()).toContain('The change was not made');
    setFailing(false);
    await store.commit([{ op: 'putItems', items: [makeTestItem(3)] }]);
    expect(store.lastWriteError()).toBeNull();
    await store.close();
    const reopened = await openLibraryStore(dir, { owner: 'test' });
    expect([...reopened.items()].map((i) => i.rating)).toEqual([0, 0]);
    expect(reopened.getItem(makeTestItem(2).id)).toBeUndefined();
    await reopened.close();
  });

  it('fails fast on ENOSPC for the CLI: the commit rejects, memory is undone, close ends at once and library.json is untouched', async () => {
    const { fs, setFailing } = failingJournalFs(() => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const store = await openLibraryStore(dir, { owner: 'cli', fs, tuning: { quietCompactMs: 60_000, flushTimeoutMs: 60_000 } });
    const before = await fsp.readFile(join(dir, 'library.json'));
    setFailing(true);
    await expect(store.commit([{ op: 'putItems', items: [makeTestItem(1)] }])).rejects.toMatchObject({
      code: 'IO',
      message: 'Could not save library.journal: the disk is full (ENOSPC). The change was not made; the library is as it was before it.',
    });
    expect(store.itemCount()).toBe(0);
    await store.close();
    expect((await fsp.readFile(join(dir, 'library.json'))).equals(before)).toBe(true);
  });
});
