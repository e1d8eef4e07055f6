import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFolioService, type FolioService } from '../folio-service.ts';

const services: FolioService[] = [];
afterAll(async () => {
  for (const s of services) await s.dispose();
});

async function open(folder: string): Promise<FolioService> {
  const service = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true } });
  await service.ready;
  services.push(service);
  return service;
}

const paths = async (s: FolioService): Promise<string[]> => (await s.api.io.listAutoExports()).map((t) => t.target.path).sort();

describe('auto-export targets and sync', { timeout: 120_000 }, () => {
  it('keeps a target on its device unless it is marked shared, and takes it back when unmarked', async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-shared-targets-'));
    const syncFolder = join(root, 'Sync');
    const a = await open(join(root, 'a'));
    const b = await open(join(root, 'b'));
    await a.api.library.createItem({ csl: { type: 'book', title: 'Exported' } });
    const own = await a.api.io.addAutoExport({ path: join(root, 'out', 'laptop-only.bib'), format: 'bibtex', collectionId: null });
    const paper = await a.api.io.addAutoExport({ path: join(root, 'out', 'paper.bib'), format: 'biblatex', collectionId: null });
    await a.api.sync.configure(syncFolder, 'Laptop');
    await b.api.sync.configure(syncFolder, 'Desktop');
    await a.api.sync.syncNow();
    await b.api.sync.syncNow();
    expect(await paths(b)).toEqual([]);

    const marked = await a.api.io.setAutoExportShared(paper.target.id, true);
    expect(marked.target.shared).toBe(true);
    await a.api.sync.syncNow();
    await b.api.sync.syncNow();
    expect(await paths(b)).toEqual([paper.target.path]);
    const onB = (await b.api.io.listAutoExports())[0];
    expect(onB?.target).toMatchObject({ id: paper.target.id, format: 'biblatex', shared: true });
    // The desktop's own target stays its own; the laptop's own never left it.
    await b.api.io.addAutoExport({ path: join(root, 'out', 'desktop-only.ris'), format: 'ris', collectionId: null });
    await b.api.sync.syncNow();
    await a.api.sync.syncNow();
    expect(await paths(a)).toEqual([own.target.path, paper.target.path].sort());

    await a.api.io.setAutoExportShared(paper.target.id, false);
    await a.api.sync.syncNow();
    await b.api.sync.syncNow();
    expect(await paths(b)).toEqual([join(root, 'out', 'desktop-only.ris')]);
    expect(await paths(a)).toEqual([own.target.path, paper.target.path].sort());
  });

  it('refuses to share a target that is not a bibliography file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-shared-targets-'));
    const a = await open(join(root, 'a'));
    const target = await a.api.io.addAutoExport({ path: join(root, 'notes.md'), format: 'bibtex', collectionId: null });
    await expect(a.api.io.setAutoExportShared(target.target.id, true)).rejects.toThrow(/bibliography file/);
  });
});
