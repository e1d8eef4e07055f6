import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportScopeSchema } from '../../shared/api/api-primitives.ts';
import type { StatusEvent } from '../../shared/api/event-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { createFolioService, type FolioService } from './folio-service.ts';
import { createMemoryLibraryStore } from './library-store/memory-library-store.ts';

const BIB = `@article{vaswani2017attention, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, journal = {NeurIPS}, year = {2017}}
@inproceedings{he2016deep, title = {Deep Residual Learning for Image Recognition}, author = {He, Kaiming}, booktitle = {CVPR}, year = 2016}
@article{keskar2017large, title = {On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima}, author = {Keskar, Nitish Shirish}, journal = {ICLR}, year = {2017}}
`;

const dir = mkdtempSync(join(tmpdir(), 'folio-saved-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function library(): Promise<{ s: FolioService; idOf(key: string): Promise<string> }> {
  const s = createFolioService(createMemoryLibraryStore(undefined, join(dir, `lib-${Math.random().toString(36).slice(2)}`)), {
    host: 'web',
    search: { inThread: true },
  });
  await s.api.io.importText({ text: BIB, fileName: 'refs.bib' });
  const idOf = async (key: string) => {
    const row = (await s.api.library.listRows()).find((r) => r.key === key);
    if (!row) throw new Error(`no ${key}`);
    return row.id;
  };
  return { s, idOf };
}

/** Resolves with the next auto-export status about this path. */
function nextWrite(s: FolioService, path: string): Promise<StatusEvent> {
  return new Promise((resolve) => {
    const stop = s.hub.asEvents().onStatus((e) => {
      if ((e.kind === 'auto-export' || e.kind === 'auto-export-error') && e.message.includes(path)) {
        stop();
        resolve(e);
      }
    });
  });
}

const keysIn = (bib: string): string[] => [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1] as string).sort();

describe('saved searches as export scopes', () => {
  it('the scope schema takes a saved search by name and refuses an empty name', () => {
    expect(exportScopeSchema.safeParse({ kind: 'saved', name: 'to-read' }).success).toBe(true);
    expect(exportScopeSchema.safeParse({ kind: 'saved', name: '' }).success).toBe(false);
  });

  it('exports exactly what the saved search matches now, in library order, and names a missing one', async () => {
    const { s } = await library();
    await s.api.search.save('2017', 'year:2017', null);
    const out = await s.api.io.export({ scope: { kind: 'saved', name: '2017' }, format: 'bibtex' });
    expect(out.count).toBe(2);
    expect(keysIn(out.text)).toEqual(['keskar2017large', 'vaswani2017attention']);
    const missing = await s.api.io.export({ scope: { kind: 'saved', name: 'nope' }, format: 'bibtex' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(FolioError);
    expect((missing as FolioError).message).toBe('No saved search named "nope"');
    await s.dispose();
  });

  it('keeps to-read.bib in sync with tag:to-read: tagging an item adds its entry, untagging removes it', async () => {
    const { s, idOf } = await library();
    await s.api.search.save('To read', 'tag:to-read', null);
    const path = join(dir, 'to-read.bib');
    const status = await s.api.io.addAutoExport({ path, format: 'bibtex', collectionId: null, savedSearch: 'To read' });
    expect(status.lastError).toBeNull();
    expect(status.entries).toBe(0);
    expect(keysIn(readFileSync(path, 'utf8'))).toEqual([]);

    const he = await idOf('he2016deep');
    let written = nextWrite(s, path);
    await s.api.library.addTags([he as never], ['to-read']);
    expect((await written).kind).toBe('auto-export');
    expect(keysIn(readFileSync(path, 'utf8'))).toEqual(['he2016deep']);

    written = nextWrite(s, path);
    await s.api.library.addTags([(await idOf('keskar2017large')) as never], ['to-read']);
    await written;
    expect(keysIn(readFileSync(path, 'utf8'))).toEqual(['he2016deep', 'keskar2017large']);

    written = nextWrite(s, path);
    await s.api.library.removeTags([he as never], ['to-read']);
    await written;
    expect(keysIn(readFileSync(path, 'utf8'))).toEqual(['keskar2017large']);
    await s.dispose();
  });

  it('a target follows its saved search through a rename and a new query', async () => {
    const { s } = await library();
    await s.api.search.save('Old', 'year:2016', null);
    const path = join(dir, 'renamed.bib');
    await s.api.io.addAutoExport({ path, format: 'bibtex', collectionId: null, savedSearch: 'Old' });
    expect(keysIn(readFileSync(path, 'utf8'))).toEqual(['he2016deep']);
    const written = nextWrite(s, path);
    await s.api.search.save('New', 'year:2017', 'Old');
    await written;
    const [target] = await s.api.io.listAutoExports();
    expect(target?.target.savedSearch).toBe('New');
    expect(target?.lastError).toBeNull();
    expect(keysIn(readFileSync(path, 'utf8'))).toEqual(['keskar2017large', 'vaswani2017attention']);
    await s.dispose();
  });

  it('refuses a target naming an unknown saved search, or both a collection and a saved search', async () => {
    const { s } = await library();
    await expect(s.api.io.addAutoExport({ path: join(dir, 'x.bib'), format: 'bibtex', collectionId: null, savedSearch: 'nope' }))
      .rejects.toThrow('No saved search named "nope"');
    await s.api.search.save('Any', 'year:2017', null);
    const col = await s.api.collections.create('C', null);
    await expect(s.api.io.addAutoExport({ path: join(dir, 'y.bib'), format: 'bibtex', collectionId: col.id, savedSearch: 'Any' }))
      .rejects.toThrow('not both');
    await s.dispose();
  });
});
