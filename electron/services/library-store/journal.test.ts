import { appendFile, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { journalLines, tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { serializeLibraryDocToString } from './library-doc-text.ts';
import { openLibraryStore } from './open-library-store.ts';

const QUIET = { quietCompactMs: 60_000 };

/** Three acknowledged commits left in the journal, as after a crash before any compaction. */
async function journalOfThree(dir: string): Promise<void> {
  const store = await openLibraryStore(dir, { owner: 'test', tuning: QUIET });
  for (let i = 0; i < 3; i++) await store.commit([{ op: 'putItems', items: [makeTestItem(i)] }]);
  // Leave without close(), as a crash would; only the lock goes, as the dead process's lock would be taken over.
  await unlink(join(dir, 'folio.lock'));
}

describe('library.journal', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('journal'));
  });
  afterEach(async () => {
    await remove();
  });

  it('replays acknowledged commits that never reached library.json', async () => {
    await journalOfThree(dir);
    expect(await journalLines(dir)).toHaveLength(3);
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.warnings).toEqual([]);
    expect(store.itemCount()).toBe(3);
    await store.close();
  });

  it('drops a torn last record with a warning and keeps the earlier ones', async () => {
    await journalOfThree(dir);
    const record = JSON.stringify({ seq: 4, ops: [{ op: 'putItems', items: [makeTestItem(3)] }] });
    await appendFile(join(dir, 'library.journal'), record.slice(0, record.length / 2));
    const store = await openLibraryStore(dir, { owner: 'test', tuning: QUIET });
    expect(store.itemCount()).toBe(3);
    expect(store.getItem(makeTestItem(3).id)).toBeUndefined();
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toMatch(/library\.journal ended with an incomplete change.*3 earlier change/);
    // The torn bytes are gone, so the next record does not land behind garbage.
    await store.commit([{ op: 'putItems', items: [makeTestItem(10)] }]);
    expect((await journalLines(dir)).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3, 4]);
    await store.close();
  });

  it('drops an unparseable last line even when it ends with a newline', async () => {
    await journalOfThree(dir);
    await appendFile(join(dir, 'library.journal'), '{"seq":4,"ops":[{"op":"putI\n');
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.itemCount()).toBe(3);
    expect(store.warnings[0]).toMatch(/incomplete change/);
    await store.close();
  });

  it('moves a journal damaged in the middle aside and warns', async () => {
    await journalOfThree(dir);
    const path = join(dir, 'library.journal');
    const lines = (await readFile(path, 'utf8')).split('\n');
    const damaged = [lines[0], 'this is not a record', lines[2], ''].join('\n');
    await writeFile(path, damaged);
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.itemCount()).toBe(1);
    expect(store.warnings[0]).toMatch(/damaged record at line 2.*library\.journal\.damaged-/);
    const names = await readdir(dir);
    const aside = names.find((name) => name.startsWith('library.journal.damaged-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe(damaged);
    expect(await journalLines(dir)).toEqual([lines[0]]);
    await store.close();
  });

  it('treats a record whose seq goes backwards as damage', async () => {
    await journalOfThree(dir);
    const path = join(dir, 'library.journal');
    const lines = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, [lines[1], lines[0], lines[2], ''].join('\n'));
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.warnings[0]).toMatch(/damaged record at line 2/);
    await store.close();
  });

  it('skips records already folded into library.json (crash between the two writes)', async () => {
    const folded = { ...makeTestItem(0), rating: 5 };
    const doc = { ...emptyLibraryDoc(), journalSeq: 2, items: [folded] };
    await writeFile(join(dir, 'library.json'), await serializeLibraryDocToString(doc));
    const records = [
      { seq: 1, ops: [{ op: 'putItems', items: [{ ...folded, rating: 1 }] }] },
      { seq: 2, ops: [{ op: 'putItems', items: [folded] }] },
      { seq: 3, ops: [{ op: 'putItems', items: [makeTestItem(1)] }] },
    ];
    await writeFile(join(dir, 'library.journal'), records.map((r) => JSON.stringify(r) + '\n').join(''));
    const store = await openLibraryStore(dir, { owner: 'test', tuning: QUIET });
    expect(store.getItem(folded.id)?.rating).toBe(5);
    expect(store.itemCount()).toBe(2);
    // New records continue after the highest seq seen.
    await store.commit([{ op: 'deleteItems', ids: [folded.id] }]);
    expect((await journalLines(dir)).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3, 4]);
    await store.close();
    expect(await journalLines(dir)).toEqual([]);
  });
});
