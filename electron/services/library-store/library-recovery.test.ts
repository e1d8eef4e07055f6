import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS, emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { makeTestItems } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { serializeLibraryDocToString } from './library-doc-text.ts';
import { LIBRARY_MIGRATIONS, type LibraryMigration } from './migrations.ts';
import { openLibraryStore } from './open-library-store.ts';

function docWith(count: number): LibraryDoc {
  return { ...emptyLibraryDoc(), items: makeTestItems(0, count) };
}

async function writeBackup(dir: string, stamp: string, content: string): Promise<void> {
  await mkdir(join(dir, 'backups'), { recursive: true });
  await writeFile(join(dir, 'backups', `library-${stamp}.json`), content);
}

const OLDER = '2024-01-01T00-00-00.000Z';
const NEWER = '2024-02-01T00-00-00.000Z';

describe('opening an unreadable library.json', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('recovery'));
  });
  afterEach(async () => {
    await remove();
  });

  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['empty', async () => '', /is empty/],
    ['truncated', async () => (await serializeLibraryDocToString(docWith(10))).slice(0, 3000), /not valid JSON/],
    ['garbage', async () => '\u0000\u0001 this is not json at all', /not valid JSON/],
    ['not a library', async () => JSON.stringify({ hello: 'world', schemaVersion: 1 }), /shape of a Folio library/],
    ['from a newer schema', async () => JSON.stringify({ ...docWith(1), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), new RegExp(`newer Folio \\(schema version ${CURRENT_SCHEMA_VERSION + 1}`)],
  ];

  for (const [label, content, reason] of cases) {
    it(`moves a library.json that is ${label} aside unchanged and restores the newest verified backup`, async () => {
      const damaged = await content();
      await writeFile(join(dir, 'library.json'), damaged);
      await writeBackup(dir, OLDER, await serializeLibraryDocToString(docWith(2)));
      await writeBackup(dir, NEWER, await serializeLibraryDocToString(docWith(4)));

      const store = await openLibraryStore(dir, { owner: 'test' });
      expect(store.itemCount()).toBe(4);
      expect(store.warnings).toHaveLength(1);
      const warning = store.warnings[0] ?? '';
      expect(warning).toMatch(reason);
      expect(warning).toContain(`backups/library-${NEWER}.json`);
      const aside = (await readdir(dir)).find((name) => name.startsWith('library.json.damaged-'));
      expect(aside).toBeDefined();
      expect(warning).toContain(aside);
      expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe(damaged);
      await store.close();
      expect((JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as LibraryDoc).items).toHaveLength(4);
    });
  }

  it('skips a corrupt newer backup in favour of an older verified one', async () => {
    await writeFile(join(dir, 'library.json'), '{"schemaVersion": 1, "items": [');
    await writeBackup(dir, OLDER, await serializeLibraryDocToString(docWith(2)));
    await writeBackup(dir, NEWER, (await serializeLibraryDocToString(docWith(4))).slice(0, 500));
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.itemCount()).toBe(2);
    expect(store.warnings[0]).toContain(`restored from backups/library-${OLDER}.json`);
    expect(store.warnings[0]).toContain(`failed verification were skipped: library-${NEWER}.json`);
    await store.close();
  });

  it('starts empty, loudly, when no backup verifies, keeping the damaged file', async () => {
    await writeFile(join(dir, 'library.json'), 'nope');
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.itemCount()).toBe(0);
    expect(store.warnings[0]).toMatch(/No verified backup was found/);
    expect((await readdir(dir)).some((name) => name.startsWith('library.json.damaged-'))).toBe(true);
    await store.close();
  });

  it('restores a missing library.json from backups instead of starting empty', async () => {
    await writeBackup(dir, OLDER, await serializeLibraryDocToString(docWith(3)));
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.itemCount()).toBe(3);
    expect(store.warnings).toEqual([`library.json was missing, so the library was restored from backups/library-${OLDER}.json (taken 2024-01-01 00:00:00 UTC).`]);
    await store.close();
  });

  it('replays the journal on top of a restored backup', async () => {
    const first = await openLibraryStore(dir, { owner: 'test', tuning: { quietCompactMs: 60_000 } });
    await first.commit([{ op: 'putItems', items: makeTestItems(0, 3) }]);
    await first.close();
    const second = await openLibraryStore(dir, { owner: 'test', tuning: { quietCompactMs: 60_000 } });
    await second.commit([{ op: 'putItems', items: makeTestItems(3, 2) }]);
    // Crash: library.json lost, lock left behind by a process that is gone.
    await writeFile(join(dir, 'library.json'), '');
    await writeFile(join(dir, 'folio.lock'), JSON.stringify({ pid: 2 ** 30, hostname: (await import('node:os')).hostname(), owner: 'test', startedAt: '' }));
    const third = await openLibraryStore(dir, { owner: 'test' });
    expect(third.itemCount()).toBe(5);
    expect(third.warnings[0]).toMatch(/could not be read: the file is empty/);
    await third.close();
  });

  it('backs up the file as read at open when it differs from the newest backup', async () => {
    await writeFile(join(dir, 'library.json'), JSON.stringify(docWith(2), null, 2));
    const store = await openLibraryStore(dir, { owner: 'test' });
    await store.close();
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dir, 'backups', backups[0] ?? ''), 'utf8'))).toEqual(docWith(2));
    // Unchanged since that backup: no new one.
    const again = await openLibraryStore(dir, { owner: 'test' });
    await again.close();
    expect(await readdir(join(dir, 'backups'))).toHaveLength(1);
  });
});

describe('schema migrations', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('migrate'));
  });
  afterEach(async () => {
    await remove();
  });

  // A pretend version 0 had no schemaVersion, journalSeq or settings.
  const v0ToV1: LibraryMigration = { from: 0, migrate: (doc) => ({ ...doc, journalSeq: 0, settings: { ...DEFAULT_SETTINGS, citeCommand: 'citet' } }) };
  const v0 = JSON.stringify({ collections: [], items: makeTestItems(0, 2) });

  it('migrates an old file, taking a backup of it first', async () => {
    await writeFile(join(dir, 'library.json'), v0);
    const store = await openLibraryStore(dir, { owner: 'test', migrations: [v0ToV1, ...LIBRARY_MIGRATIONS] });
    expect(store.warnings).toEqual([]);
    expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.settings().citeCommand).toBe('citet');
    expect(store.itemCount()).toBe(2);
    await store.close();
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as LibraryDoc;
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(onDisk.settings.citeCommand).toBe('citet');
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dir, 'backups', backups[0] ?? ''), 'utf8')).toBe(v0);
  });

  it('treats an old file it has no migration for as unreadable, never overwriting it', async () => {
    await writeFile(join(dir, 'library.json'), v0);
    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.warnings[0]).toMatch(/schema version 0, and this Folio has no migration from version 0/);
    const aside = (await readdir(dir)).find((name) => name.startsWith('library.json.damaged-'));
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe(v0);
    await store.close();
  });
});
