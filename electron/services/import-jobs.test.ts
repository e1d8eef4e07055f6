import { describe, expect, it } from 'vitest';
import type { StatusEvent } from '../../shared/api/event-types.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { syntheticBibtex } from '../../tests/fixtures/bib/synthetic-bib.ts';
import { createFolioService } from './folio-service.ts';
import { createMemoryLibraryStore } from './library-store/index.ts';

const BIG = syntheticBibtex(3000, 7);

describe('import jobs: progress and cancel', () => {
  it('reports progress from 0 to 1 for a long import with a job id', async () => {
    const s = createFolioService(createMemoryLibraryStore(), { host: 'web' });
    const events: StatusEvent[] = [];
    s.hub.asEvents().onStatus((e) => events.push(e));
    const report = await s.api.io.importText({ text: BIG, fileName: 'big.bib', jobId: 'job-1' });
    const progress = events.filter((e) => e.kind === 'import-progress').map((e) => e.progress ?? -1);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]!))).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(s.store.itemCount()).toBe(report.imported);
    expect(await s.api.io.cancelImport('job-1')).toBe(false);
  });

  it('leaves the library exactly as it was when cancelled, keys included', async () => {
    const s = createFolioService(createMemoryLibraryStore(), { host: 'web' });
    await s.api.io.importText({ text: '@article{smith2020a, title={First}, author={Smith, A}, year={2020}}', fileName: 'one.bib' });
    const before = JSON.stringify([...s.store.items()]);
    let cancelled: Promise<boolean> | null = null;
    s.hub.asEvents().onStatus((e) => {
      if (e.kind === 'import-progress' && cancelled === null) cancelled = s.api.io.cancelImport('job-2');
    });
    await expect(s.api.io.importText({ text: BIG, fileName: 'big.bib', jobId: 'job-2' })).rejects.toThrow(/cancelled; the library is unchanged/);
    expect(await cancelled).toBe(true);
    expect(JSON.stringify([...s.store.items()])).toBe(before);
    // Every key the cancelled import had claimed is free again: importing the file now gives the same keys as a fresh library.
    const fresh = createFolioService(createMemoryLibraryStore(), { host: 'web' });
    const a = await s.api.io.importText({ text: BIG, fileName: 'big.bib' });
    const b = await fresh.api.io.importText({ text: BIG, fileName: 'big.bib' });
    const keys = async (svc: typeof s, ids: ItemId[]) => (await svc.api.library.rowsByIds(ids)).map((r) => r.key);
    expect(await keys(s, a.itemIds)).toEqual(await keys(fresh, b.itemIds));
  });
});
