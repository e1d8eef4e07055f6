import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemId } from '../../../shared/model/ids.ts';
import { SearchIndex } from '../../../shared/search/index/search-index.ts';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';
import { openFolioService, type FolioService } from '../folio-service.ts';
import { INDEX_DIR, INDEX_FILE, readIndexFile, writeIndexFile } from './index-file.ts';

const BIB = Array.from({ length: 40 }, (_, n) => `@article{paper${n}, title = {${['Attention', 'Diffusion', 'Kernel', 'Quokka'][n % 4]} models number ${n}},
  author = {${['Schölkopf, Bernhard', 'Keskar, Nitish', 'Vaswani, Ashish'][n % 3]}}, journal = {NeurIPS}, year = {${2000 + n}},
  abstract = {We study sharp minima of ${['landscapes', 'graphs', 'wombats'][n % 3]}.}}`).join('\n');

const root = mkdtempSync(join(tmpdir(), 'folio-index-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
async function newLibrary(): Promise<string> {
  const dir = join(root, `lib${n++}`);
  const s = await openFolioService(dir, 'cli', { host: 'web', search: { inThread: true, persistIndex: false } });
  await s.api.io.importText({ text: BIB, fileName: 'refs.bib' });
  await s.dispose();
  return dir;
}

const open = (dir: string, persistIndex = true) => openFolioService(dir, 'cli', { host: 'web', search: { inThread: true, persistIndex } });

async function keys(s: FolioService, query: string): Promise<string[]> {
  const answer = await s.api.search.query({ query });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.hits.map((h) => h.key);
}

/** Opens the library, searches, and closes it (saving its index); what the search answered and how the index was made. */
async function session(dir: string, queries: string[]): Promise<{ answers: string[][]; report: ReturnType<FolioService['search']['buildReport']> }> {
  const s = await open(dir);
  try {
    const answers: string[][] = [];
    for (const q of queries) answers.push(await keys(s, q));
    return { answers, report: s.search.buildReport() };
  } finally {
    await s.dispose();
  }
}

const QUERIES = ['attention', 'schoelkopf', '"sharp minima" wombats', 'quoka year:2010..2030', 'author:keskar -kernel'];
const indexPath = (dir: string) => join(dir, INDEX_DIR, INDEX_FILE);

describe('the search index saved in the library folder', () => {
  let dir: string;
  let fresh: string[][];
  beforeAll(async () => {
    dir = await newLibrary();
    const first = await session(dir, QUERIES);
    fresh = first.answers;
    expect(first.report).toMatchObject({ fromDisk: false, indexed: 40 });
    expect(fresh.every((a) => a.length > 0)).toBe(true);
  });

  it('is written when the library closes, and loaded at the next start without indexing anything again', async () => {
    expect(statSync(indexPath(dir)).size).toBeGreaterThan(0);
    const again = await session(dir, QUERIES);
    expect(again.report).toMatchObject({ fromDisk: true, indexed: 0 });
    expect(again.answers).toEqual(fresh);
  });

  it('is checked against the library: an item edited while the index was not kept is indexed again, never answered from the old copy', async () => {
    const s = await open(dir, false);
    const id = (await s.api.library.listRows()).find((r) => r.key === 'paper3')?.id as ItemId;
    await s.api.library.updateItem(id, { csl: { title: 'Platypus behaviour' } });
    await s.api.library.trash([(await s.api.library.listRows()).find((r) => r.key === 'paper0')?.id as ItemId]);
    await s.dispose();
    const after = await session(dir, ['platypus', 'quokka', 'attention']);
    expect(after.report).toMatchObject({ fromDisk: true, indexed: 2 });
    expect(after.answers[0]).toEqual(['paper3']);
    expect(after.answers[1]).not.toContain('paper3');
    expect(after.answers[2]).not.toContain('paper0');
  });

  it.each([
    ['deleted', (path: string) => rmSync(path)],
    ['with one byte changed', (path: string) => {
      const bytes = readFileSync(path);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] as number) ^ 0x20;
      writeFileSync(path, bytes);
    }],
    ['cut short', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 1000))],
    ['replaced by garbage', (path: string) => writeFileSync(path, 'not an index')],
  ])('is rebuilt when %s: search still answers, and nothing in the library changes', async (_what, damage) => {
    const lib = await newLibrary();
    const first = await session(lib, QUERIES);
    const library = readFileSync(join(lib, 'library.json'));
    damage(indexPath(lib));
    const rebuilt = await session(lib, QUERIES);
    expect(rebuilt.report).toMatchObject({ fromDisk: false, indexed: 40 });
    expect(rebuilt.answers).toEqual(first.answers);
    expect(readFileSync(join(lib, 'library.json')).equals(library)).toBe(true);
    // Written again whole: the next start loads it.
    expect((await session(lib, QUERIES)).report).toMatchObject({ fromDisk: true, indexed: 0 });
  });
});

describe('the index file format', () => {
  const doc = (i: number): SearchDoc => ({
    id: `it_${i}` as ItemId, key: `k${i}`, title: `Ünïcode title ${i} 機械学習`, authors: ['Anna Müller'], venue: '', abstract: '', note: '',
    annotations: [], pages: i % 2 ? ['page one', 'page two'] : [], tags: [], collections: [], doi: '', arxiv: '', types: ['book'],
    year: 2001, rating: 0, read: 'unread', flagged: false, pending: false, trashed: false, hasPdf: i % 2 === 1, addedAt: 0, modifiedAt: 0,
  });

  it('reads back exactly what was written, and deletes a file that does not check out', async () => {
    const index = new SearchIndex(Array.from({ length: 1200 }, (_, i) => doc(i)));
    const snapshot = index.snapshot();
    const path = join(root, 'format', INDEX_FILE);
    const fingerprints = snapshot.docs.map((d) => `fp-${d.id}`);
    const bytes = await writeIndexFile(path, { snapshot, fingerprints });
    expect(statSync(path).size).toBe(bytes);
    expect(await readIndexFile(path)).toEqual({ snapshot, fingerprints });
    const raw = readFileSync(path);
    raw[raw.length - 10] = (raw[raw.length - 10] as number) ^ 1;
    writeFileSync(path, raw);
    expect(await readIndexFile(path)).toBeNull();
    expect(existsSync(path)).toBe(false);
  });
});
