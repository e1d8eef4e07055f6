import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { makeTestItems } from '../../../tests/helpers/store-items.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { canonicalJson } from './canonical-json.ts';
import { serializeLibraryDocToString } from './library-doc-text.ts';
import { verifyLibraryFile } from './library-file-verifier.ts';
import { migrateLibraryDoc } from './migrations.ts';
import { nodeStoreFs } from './store-fs.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,{"y":2,"z":1}]},"b":1}');
  });

  it('matches JSON.stringify for values it can hold', () => {
    const value = { s: 'quote " and \\ and \u2028 and ü', n: -1.5e-7, t: true, nil: null, gone: undefined, list: [undefined, 1] };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});

describe('serializeLibraryDoc', () => {
  it('writes valid JSON with one collection and one item per line', async () => {
    const doc = { ...emptyLibraryDoc(), items: makeTestItems(0, 3) };
    const text = await serializeLibraryDocToString(doc);
    expect(JSON.parse(text)).toEqual(doc);
    const lines = text.split('\n');
    expect(lines.slice(4, 7)).toEqual(['"collections": [', '],', '"items": [']);
    expect(lines).toHaveLength(3 + 1 + 3 + 3 + 3);
  });
});

describe('verifyLibraryFile', () => {
  let dir = '';
  let remove = async (): Promise<void> => undefined;
  beforeEach(async () => {
    ({ dir, remove } = await tempLibraryFolder('verify'));
  });
  afterEach(async () => {
    await remove();
  });

  it('accepts our own layout and other valid layouts', async () => {
    const doc = { ...emptyLibraryDoc(), items: makeTestItems(0, 20) };
    await writeFile(join(dir, 'ours.json'), await serializeLibraryDocToString(doc));
    await writeFile(join(dir, 'pretty.json'), JSON.stringify(doc, null, 2));
    expect(await verifyLibraryFile(nodeStoreFs, join(dir, 'ours.json'))).toEqual({ ok: true });
    expect(await verifyLibraryFile(nodeStoreFs, join(dir, 'pretty.json'))).toEqual({ ok: true });
  });

  it('rejects a file with one bad item line, a missing comma or a truncated end', async () => {
    const text = await serializeLibraryDocToString({ ...emptyLibraryDoc(), items: makeTestItems(0, 5) });
    const variants = {
      badItem: text.replace('"read":"unread"', '"read":"sometimes"'),
      noComma: text.replace(/\},\n\{/, '}\n{'),
      truncated: text.slice(0, -4),
    };
    for (const [name, content] of Object.entries(variants)) {
      await writeFile(join(dir, name), content);
      expect((await verifyLibraryFile(nodeStoreFs, join(dir, name))).ok, name).toBe(false);
    }
  });
});

describe('migrateLibraryDoc', () => {
  const steps = [
    { from: 0, migrate: (doc: Record<string, unknown>) => ({ ...doc, journalSeq: 0 }) },
    { from: 1, migrate: (doc: Record<string, unknown>) => ({ ...doc, renamed: true }) },
  ];

  it('runs each step in order and stamps the version', () => {
    expect(migrateLibraryDoc({ items: [] }, steps, 2)).toEqual({ ok: true, from: 0, doc: { items: [], journalSeq: 0, renamed: true, schemaVersion: 2 } });
  });

  it('refuses newer documents and gaps', () => {
    expect(migrateLibraryDoc({ schemaVersion: 3 }, steps, 2)).toMatchObject({ ok: false, reason: 'newer' });
    expect(migrateLibraryDoc({ schemaVersion: 0 }, [steps[1] ?? steps[0]!], 2)).toMatchObject({ ok: false, reason: 'no-path' });
  });
});
