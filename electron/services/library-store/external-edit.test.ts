import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestItem, makeTestItems } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import type { WriteStatus } from './library-store.ts';
import { openLibraryStore } from './open-library-store.ts';

describe('external edits of library.json', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('external'));
  });
  afterEach(async () => {
    await remove();
  });

  it('keeps an externally edited library.json aside instead of overwriting it, and warns', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: { quietCompactMs: 60_000 } });
    await store.commit([{ op: 'putItems', items: makeTestItems(0, 3) }]);
    await store.flush();
    const statuses: WriteStatus[] = [];
    store.onWriteStatus((status) => statuses.push(status));

    const path = join(dir, 'library.json');
    const edited = (await readFile(path, 'utf8')).replace('A study of things, part 1', 'Edited by hand');
    await writeFile(path, edited);
    await store.commit([{ op: 'putItems', items: [makeTestItem(3)] }]);
    await store.flush();

    const aside = (await readdir(dir)).filter((name) => name.startsWith('library.json.external-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] ?? ''), 'utf8')).toBe(edited);
    const ours = JSON.parse(await readFile(path, 'utf8')) as { items: unknown[] };
    expect(ours.items).toHaveLength(4);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ ok: true, warning: true, message: expect.stringContaining(`kept as ${aside[0]}`) });
    expect(store.warnings.at(-1)).toBe(statuses[0]?.message);
    await store.close();
  });

  it('does not mistake a touched but unchanged file for an edit', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: { quietCompactMs: 60_000 } });
    await store.commit([{ op: 'putItems', items: [makeTestItem(0)] }]);
    await store.flush();
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dir, 'library.json'), later, later);
    await store.commit([{ op: 'putItems', items: [makeTestItem(1)] }]);
    await store.flush();
    expect((await readdir(dir)).filter((name) => name.startsWith('library.json.external-'))).toEqual([]);
    await store.close();
  });
});
