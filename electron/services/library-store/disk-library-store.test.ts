import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/api/api-error.ts';
import { asCollectionId } from '../../../shared/model/ids.ts';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS } from '../../../shared/model/library-doc.ts';
import { makeTestItem, makeTestItems } from '../../../tests/helpers/store-items.ts';
import { journalLines, tempLibraryFolder, waitFor } from '../../../tests/helpers/store-test-support.ts';
import { serializeLibraryDocToString } from './library-doc-text.ts';
import { LibraryState } from './library-state.ts';
import { openLibraryStore } from './open-library-store.ts';

const QUIET = { quietCompactMs: 60_000 };

describe('openLibraryStore', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('store'));
  });
  afterEach(async () => {
    await remove();
  });

  it('creates the library layout in an empty folder', async () => {
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.warnings).toEqual([]);
    expect(store.itemCount()).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['attachments', 'backups', 'folio.lock', 'library.json']);
    await store.close();
    expect(await readdir(dir)).not.toContain('folio.lock');
  });

  it('round-trips items, collections and settings through close and reopen', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: QUIET });
    const collection = { id: asCollectionId('col_1'), name: 'Reading list', parentId: null, createdAt: '2024-01-01T00:00:00.000Z' };
    await store.commit([
      { op: 'putItems', items: makeTestItems(0, 30) },
      { op: 'putCollections', collections: [collection] },
      { op: 'setSettings', settings: { ...DEFAULT_SETTINGS, citeCommand: 'citep' } },
    ]);
    await store.commit([{ op: 'deleteItems', ids: [makeTestItem(3).id] }, { op: 'putItems', items: [{ ...makeTestItem(4), rating: 5 }] }]);
    const before = { items: [...store.items()], collections: [...store.collections()], settings: store.settings() };
    await store.close();

    const text = await readFile(join(dir, 'library.json'), 'utf8');
    const parsed = JSON.parse(text) as { items: unknown[]; journalSeq: number };
    expect(parsed.items).toHaveLength(29);
    const lines = text.split('\n');
    const first = lines.indexOf('"items": [');
    const itemLines = lines.slice(first + 1, lines.indexOf(']', first));
    expect(itemLines).toHaveLength(29);
    for (const line of itemLines) expect(JSON.parse(line.replace(/,$/, ''))).toHaveProperty('id');
    expect(lines.slice(0, 4)).toEqual(['{', `"schemaVersion": ${CURRENT_SCHEMA_VERSION},`, `"journalSeq": ${parsed.journalSeq},`, expect.stringMatching(/^"settings": \{.*\},$/)]);

    const reopened = await openLibraryStore(dir, { owner: 'test' });
    expect([...reopened.items()]).toEqual(before.items);
    expect(reopened.collections()).toEqual(before.collections);
    expect(reopened.settings()).toEqual(before.settings);
    expect(reopened.getItem(makeTestItem(4).id)?.rating).toBe(5);
    expect(reopened.getItem(makeTestItem(3).id)).toBeUndefined();
    await reopened.close();
  });

  it('writes the same state to the same bytes, whatever the key order of the objects', async () => {
    const store = await openLibraryStore(dir, { owner: 'test' });
    await store.commit([{ op: 'putItems', items: makeTestItems(0, 5) }]);
    await store.close();
    const onDisk = await readFile(join(dir, 'library.json'), 'utf8');

    const reopened = await openLibraryStore(dir, { owner: 'test' });
    const doc = new LibraryState(JSON.parse(onDisk)).toDoc();
    expect(await serializeLibraryDocToString(doc)).toBe(onDisk);
    const shuffled = { ...doc, items: doc.items.map((item) => Object.fromEntries(Object.entries(item).reverse()) as typeof item) };
    expect(await serializeLibraryDocToString(shuffled)).toBe(onDisk);
    // Nothing changed, so flushing again must leave the file byte-identical.
    await reopened.flush();
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(onDisk);
    await reopened.close();
  });

  it('group-commits 100 commits issued in one tick into one journal record', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: QUIET });
    const commits = Array.from({ length: 100 }, (_, i) => store.commit([{ op: 'putItems', items: [makeTestItem(i)] }]));
    await Promise.all(commits);
    const lines = await journalLines(dir);
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '') as { seq: number; ops: unknown[] };
    expect(record.ops).toHaveLength(100);
    expect(record.seq).toBe(100);
    await store.close();
  });

  it('groups commits made while a journal write is in flight into the next record', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: QUIET });
    const first = store.commit([{ op: 'putItems', items: [makeTestItem(0)] }]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 20 }, (_, i) => store.commit([{ op: 'putItems', items: [makeTestItem(i + 1)] }]));
    await Promise.all([first, ...later]);
    const seqs = (await journalLines(dir)).map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs.length).toBeLessThanOrEqual(3);
    expect(seqs.at(-1)).toBe(21);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await store.close();
  });

  it('refuses malformed ops without changing anything', async () => {
    const store = await openLibraryStore(dir, { owner: 'test' });
    const bad = { ...makeTestItem(1), tags: 'not-a-list' } as unknown as ReturnType<typeof makeTestItem>;
    await expect(store.commit([{ op: 'putItems', items: [makeTestItem(0), bad] }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(store.itemCount()).toBe(0);
    await store.close();
    await expect(store.commit([{ op: 'putItems', items: [makeTestItem(0)] }])).rejects.toBeInstanceOf(FolioError);
  });

  it('compacts when the journal passes its op threshold, and after a quiet spell', async () => {
    const store = await openLibraryStore(dir, { owner: 'test', tuning: { compactJournalOps: 5, quietCompactMs: 60_000 } });
    for (let i = 0; i < 5; i++) await store.commit([{ op: 'putItems', items: [makeTestItem(i)] }]);
    await waitFor(async () => (JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { items: unknown[] }).items.length === 5);
    await waitFor(async () => (await journalLines(dir)).length === 0);
    await store.close();

    const quiet = await openLibraryStore(dir, { owner: 'test', tuning: { quietCompactMs: 50 } });
    await quiet.commit([{ op: 'putItems', items: [makeTestItem(99)] }]);
    expect(await journalLines(dir)).toHaveLength(1);
    await waitFor(async () => (JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { journalSeq: number }).journalSeq === 6);
    await waitFor(async () => (await journalLines(dir)).length === 0);
    await quiet.close();
  });

  it('keeps the newest verified backups, at most one per interval', async () => {
    let clock = Date.parse('2024-03-01T10:00:00.000Z');
    const now = (): Date => new Date(clock);
    const store = await openLibraryStore(dir, { owner: 'test', now, tuning: { ...QUIET, backupsKept: 2, backupIntervalMs: 10 * 60_000 } });
    for (let i = 0; i < 6; i++) {
      await store.commit([{ op: 'putItems', items: [makeTestItem(i)] }]);
      await store.flush();
      clock += 5 * 60_000;
    }
    await store.close();
    const backups = (await readdir(join(dir, 'backups'))).sort();
    // Compactions at 0, 5, ..., 25 minutes; one backup per 10 minutes: 0, 10, 20, of which the newest 2 are kept.
    expect(backups).toEqual(['library-2024-03-01T10-10-00.000Z.json', 'library-2024-03-01T10-20-00.000Z.json']);
    const newest = JSON.parse(await readFile(join(dir, 'backups', backups[1] ?? ''), 'utf8')) as { items: unknown[] };
    expect(newest.items).toHaveLength(5);
  });

  it('a CLI session takes the backup of the file as read at its first change, and none when it changes nothing', async () => {
    let clock = Date.parse('2024-03-01T10:00:00.000Z');
    const now = (): Date => new Date(clock);
    const first = await openLibraryStore(dir, { owner: 'test', now, tuning: QUIET });
    await first.commit([{ op: 'putItems', items: [makeTestItem(0)] }]);
    await first.close();
    // No backup holds library.json as it now is.
    for (const name of await readdir(join(dir, 'backups'))) await rm(join(dir, 'backups', name));
    const before: string[] = [];
    const asRead = await readFile(join(dir, 'library.json'), 'utf8');

    clock += 60 * 60_000;
    const reading = await openLibraryStore(dir, { owner: 'cli', now, tuning: QUIET });
    expect(reading.itemCount()).toBe(1);
    await reading.close();
    expect(await readdir(join(dir, 'backups'))).toEqual(before);

    clock += 60 * 60_000;
    const changing = await openLibraryStore(dir, { owner: 'cli', now, tuning: QUIET });
    await changing.commit([{ op: 'putItems', items: [makeTestItem(1)] }]);
    await changing.close();
    const added = (await readdir(join(dir, 'backups'))).filter((name) => !before.includes(name)).sort();
    // Among them, the copy of library.json as the session read it, before its change was written.
    const contents = await Promise.all(added.map((name) => readFile(join(dir, 'backups', name), 'utf8')));
    expect(added.length).toBeGreaterThan(0);
    expect(contents).toContain(asRead);
  });
});
