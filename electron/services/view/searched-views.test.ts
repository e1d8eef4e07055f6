import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFolioService, type FolioService } from '../folio-service.ts';
import { RELEVANCE } from '../../../shared/search/view-engine.ts';
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

  it('ranks box text by relevance, re-sorts the same results by a column, and sends match details with the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-searched-views-'));
    dirs.push(dir);
    const service = await openFolioService(dir, 'test', { host: 'web' });
    services.push(service);
    const api = service.api;
    const bib = [
      '@article{abs2001, title={Graphs of things}, abstract={We use attention here.}, author={Ann Zed}, year=2001}',
      '@article{long2002, title={A study of attention in long documents with many words}, author={Bo Young}, year=2002}',
      '@article{short2003, title={Attention}, author={Cy Xu}, year=2003}',
      '@article{none2004, title={Unrelated}, author={Di Wu}, year=2004}',
      '@article{schol2005, title={Kernels}, author={Bernhard Schölkopf}, year=2005}',
    ].join('\n');
    await api.io.importText({ text: bib, fileName: 'r.bib' });
    await service.search.ready();
    const ranked = await api.view.query({ view: 'all', sort: RELEVANCE, filter: 'atention' }, 0, 10);
    expect(ranked.rows.map((r) => r.key)).toEqual(['short2003', 'long2002', 'abs2001']);
    expect(ranked.matches?.map((m) => m?.terms)).toEqual([['attention'], ['attention'], ['attention']]);
    expect(ranked.matches?.[2]?.snippet).toContain('We use attention here.');
    expect(ranked.matches?.[0]?.fields).toEqual(['title']);
    const byYear = await api.view.query({ view: 'all', sort: { column: 'year', direction: 'asc' }, filter: 'atention' }, 0, 10);
    expect(byYear.rows.map((r) => r.key)).toEqual(['abs2001', 'long2002', 'short2003']);
    // A page later in the answer carries the details of its own rows only.
    const second = await api.view.query({ view: 'all', sort: RELEVANCE, filter: 'atention' }, 1, 1);
    expect(second.rows.map((r) => r.key)).toEqual(['long2002']);
    expect(second.matches?.length).toBe(1);
    for (const spelling of ['Scholkopf', 'Schoelkopf', 'Schölkopf']) {
      const page = await api.view.query({ view: 'all', sort: RELEVANCE, filter: spelling }, 0, 10);
      expect(page.rows.map((r) => r.key)).toEqual(['schol2005']);
    }
    // No query in the box: no ranking to do, no match details; Relevance falls back to newest first.
    const plain = await api.view.query({ view: 'all', sort: RELEVANCE, filter: '' }, 0, 10);
    expect(plain.matches).toBeUndefined();
    expect(plain.total).toBe(5);
  });
});
