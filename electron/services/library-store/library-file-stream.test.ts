import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asCollectionId } from '../../../shared/model/ids.ts';
import { emptyLibraryDoc, type LibraryDoc } from '../../../shared/model/library-doc.ts';
import { makeTestItem, makeTestItems } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { serializeLibraryDocToString } from './library-doc-text.ts';
import { LibraryFileAdapter } from './library-file.ts';
import { streamLibraryFile } from './library-file-stream.ts';
import { openLibraryStore } from './open-library-store.ts';
import { nodeStoreFs } from './store-fs.ts';

function richDoc(count: number): LibraryDoc {
  const items = makeTestItems(0, count);
  items[1] = { ...makeTestItem(1), note: { markdown: 'ünïcødé — “quotes” \\ and\nnewline', modifiedAt: 'x' }, trashedAt: '2024-02-02T00:00:00.000Z' };
  items[2] = { ...makeTestItem(2), source: { entryType: 'misc', key: 'k', fields: [{ name: 'title', raw: '{\\LaTeX} 𝔘' }] }, editedFields: ['title'] };
  const collection = { id: asCollectionId('col_1'), name: 'A, b: [c]', parentId: null, createdAt: '2024-01-01T00:00:00.000Z' };
  return { ...emptyLibraryDoc(), journalSeq: 7, collections: [collection], items };
}

describe('loading library.json line by line', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('stream'));
  });
  afterEach(async () => {
    await remove();
  });

  const file = () => join(dir, 'library.json');
  const inspect = async () => new LibraryFileAdapter(file()).inspect();

  it('gives exactly what JSON.parse of the whole file gives, for the canonical layout, with CRLF line ends too', async () => {
    const text = await serializeLibraryDocToString(richDoc(40));
    for (const variant of [text, text.replaceAll('\n', '\r\n')]) {
      await writeFile(file(), variant);
      const streamed = await streamLibraryFile(nodeStoreFs, file(), 5);
      expect(streamed.kind).toBe('loaded');
      if (streamed.kind === 'loaded') expect(streamed.doc).toStrictEqual(JSON.parse(variant));
    }
  });

  it('reads an item line longer than its two reused 1 MiB read buffers intact', async () => {
    const doc = richDoc(5);
    // About 3 MB of UTF-8 on one line: its start is held while the buffer it was read into is read into again.
    doc.items[3] = { ...makeTestItem(3), note: { markdown: 'Łódź € 😀 '.repeat(200_000), modifiedAt: 'x' } };
    const text = await serializeLibraryDocToString(doc);
    await writeFile(file(), text);
    const streamed = await streamLibraryFile(nodeStoreFs, file(), 5);
    expect(streamed.kind).toBe('loaded');
    if (streamed.kind === 'loaded') expect(streamed.doc).toStrictEqual(JSON.parse(text));
  });

  it('hands pretty-printed and minified files to the whole-file parse, which still loads them', async () => {
    const doc = richDoc(12);
    for (const text of [JSON.stringify(doc, null, 2), JSON.stringify(doc), JSON.stringify(doc, null, '\t')]) {
      await writeFile(file(), text);
      expect((await streamLibraryFile(nodeStoreFs, file(), 5)).kind).toBe('other');
      const outcome = await inspect();
      expect(outcome.kind).toBe('ok');
      if (outcome.kind === 'ok') expect(outcome.doc).toStrictEqual(JSON.parse(text));
    }
  });

  it('lets a later duplicate "items" key win, as JSON.parse of the whole file does', async () => {
    const text = (await serializeLibraryDocToString(richDoc(3))).replace(/\]\n\}\n$/, '],\n"items": []\n}\n');
    await writeFile(file(), text);
    expect((await streamLibraryFile(nodeStoreFs, file(), 5)).kind).toBe('other');
    const outcome = await inspect();
    expect(outcome.kind === 'ok' && outcome.doc.items).toEqual([]);
  });

  it('keeps a BOM fatal, as it is for JSON.parse', async () => {
    await writeFile(file(), '\uFEFF' + (await serializeLibraryDocToString(richDoc(2))));
    expect((await inspect()).kind).toBe('unreadable');
  });

  it('records the fingerprint of the bytes it read', async () => {
    const text = await serializeLibraryDocToString(richDoc(5));
    await writeFile(file(), text);
    const adapter = new LibraryFileAdapter(file());
    await adapter.inspect();
    const { createHash } = await import('node:crypto');
    const known = await adapter.fingerprint();
    expect(known?.size).toBe(Buffer.byteLength(text));
    expect(known?.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('lets the event loop run many times while loading a 20k-item library', async () => {
    await writeFile(file(), await serializeLibraryDocToString({ ...emptyLibraryDoc(), items: makeTestItems(0, 20_000, 1_200) }));
    let turns = 0;
    let loading = true;
    const spin = (): void => {
      turns++;
      if (loading) setImmediate(spin);
    };
    setImmediate(spin);
    const outcome = await inspect();
    loading = false;
    expect(outcome.kind === 'ok' && outcome.doc.items.length).toBe(20_000);
    // ~28 MB in 256 KB reads, yielding every 5 ms of parsing: far more turns than reads alone would give.
    expect(turns).toBeGreaterThan(40);
  });

  async function withBackup(): Promise<void> {
    await mkdir(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'backups', 'library-2024-01-01T00-00-00.000Z.json'), await serializeLibraryDocToString(richDoc(4)));
  }

  // [label, spoil, items kept from the file, unreadable lines] - the backup holds the first 4 items.
  const damage: Array<[string, (text: string) => string, number, number]> = [
    ['truncated mid-line', (text) => text.slice(0, Math.floor(text.length * 0.6)), 17, 1],
    ['a bad line in the middle', (text) => {
      const lines = text.split('\n');
      lines[Math.floor(lines.length / 2)] = '{"id": "it_broken", "oops"';
      return lines.join('\n');
    }, 29, 1],
    ['trailing garbage', (text) => text + 'garbage\n', 30, 1],
    ['an item of the wrong shape', (text) => text.replace('"read":"unread"', '"read":"maybe"'), 29, 1],
  ];

  for (const [label, spoil, kept, unreadable] of damage) {
    it(`salvages a file with ${label} line by line, keeps it aside byte for byte, and says what was lost`, async () => {
      const damaged = spoil(await serializeLibraryDocToString(richDoc(30)));
      await writeFile(file(), damaged);
      await withBackup();
      const store = await openLibraryStore(dir, { owner: 'test' });
      expect(store.salvage).toMatchObject({ itemsKept: kept });
      expect(store.salvage?.unreadableLines).toHaveLength(unreadable);
      expect(store.itemCount()).toBe(Math.max(kept + (store.salvage?.itemsFromBackup ?? 0), 4));
      expect(store.warnings[0]).toMatch(/library\.json could not be read as a whole: (it is not valid JSON|it does not have the shape)/);
      const aside = (await readdir(dir)).find((name) => name.startsWith('library.json.damaged-'));
      expect(store.salvage?.damagedFile).toBe(aside);
      expect(await readFile(join(dir, aside ?? 'missing'), 'utf8')).toBe(damaged);
      await store.close();
    });
  }
});
