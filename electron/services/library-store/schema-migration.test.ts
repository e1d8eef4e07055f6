import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBibtex } from '../../../shared/formats/bibtex/index.ts';
import { asItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS } from '../../../shared/model/library-doc.ts';
import { importedTestItems, makeTestItem } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { canonicalJson } from './canonical-json.ts';
import { openLibraryStore } from './open-library-store.ts';
import { CSL_FROM_SOURCE } from './stored-item.ts';

const BIB = String.raw`@string{jt = {Journal of Things}}
@article{first,
  author = {Müller, Anna and García, José},
  title = {Attention Is All You Need},
  journal = jt,
  abstract = {A long abstract with a {Transformer}.},
  year = 2017,
}
@book{second,
  author = {van der Maaten, Laurens},
  title = {\"{U}ber {T}ransformers},
  publisher = {Springer},
}
`;

const importedItems = (): Item[] => importedTestItems(BIB, 'old.bib');

/** library.json as Folio wrote it at schema version 1: whole items, one per line. */
function versionOneFile(items: readonly object[]): string {
  const lines = ['{', '"schemaVersion": 1,', '"journalSeq": 0,', `"settings": ${canonicalJson(DEFAULT_SETTINGS)},`, '"collections": [', '],', '"items": ['];
  items.forEach((item, i) => lines.push(canonicalJson(item) + (i < items.length - 1 ? ',' : '')));
  lines.push(']', '}', '');
  return lines.join('\n');
}

describe('schema version 1 -> 2 (compact items)', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('schema2'));
  });
  afterEach(async () => {
    await remove();
  });

  it('opens a version 1 library, backs it up unchanged, rewrites it compact, and gives back the same items and export', async () => {
    const items = importedItems();
    // Version 1 kept unknown keys; one named like the new marker must not be read as it.
    const stray = { ...makeTestItem(9), [CSL_FROM_SOURCE]: { title: 'title' } };
    const old = versionOneFile([...items, stray]);
    await writeFile(join(dir, 'library.json'), old);

    const store = await openLibraryStore(dir, { owner: 'test' });
    expect(store.warnings).toEqual([]);
    expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.itemCount()).toBe(3);
    for (const item of items) expect(store.getItem(item.id)).toEqual(item);
    const { [CSL_FROM_SOURCE]: _dropped, ...strayWithout } = stray;
    expect(store.getItem(stray.id)).toEqual(strayWithout);
    await store.close();

    // The backup taken before the migration holds the version 1 file byte for byte.
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dir, 'backups', backups[0] ?? ''), 'utf8')).toBe(old);

    const migrated = await readFile(join(dir, 'library.json'), 'utf8');
    expect(migrated).toMatch(/^\{\n"schemaVersion": 2,\n/);
    expect(migrated.length).toBeLessThan(old.length);
    const lines = migrated.split('\n');
    const first = JSON.parse(lines.find((l) => l.includes('"it_0"'))?.replace(/,$/, '') ?? '{}') as Record<string, unknown>;
    expect(first[CSL_FROM_SOURCE]).toEqual({ abstract: 'abstract', author: 'author', title: 'title' });
    expect(first.csl).not.toHaveProperty('abstract');

    // Opened again (the fast line-by-line path now): the same items, and the same .bib out.
    const again = await openLibraryStore(dir, { owner: 'test' });
    for (const item of items) expect(again.getItem(item.id)).toEqual(item);
    const reexported = exportBibtex([...again.items()].filter((i) => i.source), { dialect: 'biblatex' }).text;
    expect(reexported).toBe(exportBibtex(items, { dialect: 'biblatex' }).text);
    await again.close();
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(migrated);
  });

  it('treats a version 2 line whose marker names a missing field as damage, never as a silently wrong item', async () => {
    const items = importedItems();
    await writeFile(join(dir, 'library.json'), versionOneFile(items));
    const store = await openLibraryStore(dir, { owner: 'test' });
    await store.close();
    const text = await readFile(join(dir, 'library.json'), 'utf8');
    await writeFile(join(dir, 'library.json'), text.replace('"abstract":"abstract"', '"abstract":"summary"'));

    const reopened = await openLibraryStore(dir, { owner: 'test' });
    // The backup taken at the migration holds every readable item, so it is restored, and says so.
    expect(reopened.warnings.join('\n')).toMatch(/item 1: cslFromSource\.abstract: the source has no field "summary".*restored from/s);
    expect(reopened.getItem(asItemId('it_0'))).toEqual(items[0]);
    expect(reopened.getItem(asItemId('it_1'))).toEqual(items[1]);
    expect((await readdir(dir)).some((name) => name.startsWith('library.json.damaged-'))).toBe(true);
    await reopened.close();
  });
});
