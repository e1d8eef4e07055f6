import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFolioService, type FolioService } from '../folio-service.ts';
import { usesQueryLanguage } from './searched-views.ts';

const dirs: string[] = [];
const services: FolioService[] = [];
afterAll(async () => {
  for (const s of services) await s.dispose();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const BIB = ['Zeta attention', 'Alpha attention', 'Mu graphs', 'Beta attention']
  .map((title, i) => `@article{k${i}, title={${title}}, author={${i % 2 ? 'Keskar' : 'Guo'}, Ann}, year=${2015 + i}}`).join('\n');

describe('views narrowed by the search engine', () => {
  it('tells query-language text from plain words', () => {
    expect(['author:guo', '"flat minima"', '-graphs', 'a OR b', '(x)', 'NOT y'].every(usesQueryLanguage)).toBe(true);
    expect(['attention', 'self-attention', 'schölkopf 2017'].some(usesQueryLanguage)).toBe(false);
  });

  it('shows a saved search as a view in the table sort order, and a box query narrows any view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-searched-views-'));
    dirs.push(dir);
    const service = await openFolioService(dir, 'test', { host: 'web' });
    services.push(service);
    const api = service.api;
    await api.io.importText({ text: BIB, fileName: 'v.bib' });
    await api.search.save('Attention', 'title:attention', null);
    const byTitle = { view: 'saved:Attention', sort: { column: 'title', direction: 'asc' }, filter: '' } as const;
    const saved = await api.view.query(byTitle, 0, 10);
    expect(saved.rows.map((r) => r.title)).toEqual(['Alpha attention', 'Beta attention', 'Zeta attention']);
    expect(saved.total).toBe(3);
    const narrowed = await api.view.query({ ...byTitle, filter: 'author:keskar' }, 0, 10);
    expect(narrowed.rows.map((r) => r.title)).toEqual(['Alpha attention', 'Beta attention']);
    expect(narrowed.inViewCount).toBe(3);
    const all = await api.view.query({ view: 'all', sort: { column: 'year', direction: 'desc' }, filter: 'year:>=2016 -title:graphs' }, 0, 10);
    expect(all.rows.map((r) => r.title)).toEqual(['Beta attention', 'Alpha attention']);
    expect((await api.view.query({ ...byTitle, view: 'saved:Gone' }, 0, 10)).total).toBe(0);
    // A query with an error does not empty the table: the box shows the error, the quick filter the words.
    expect((await api.view.query({ view: 'all', sort: byTitle.sort, filter: 'title:(' }, 0, 10)).total).toBeGreaterThanOrEqual(0);
  });
});
