import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../model/ids.ts';
import { highlightRanges } from '../highlight.ts';
import { SearchIndex } from '../index/search-index.ts';
import type { SearchDoc } from '../index/search-doc.ts';
import { rowMatches } from './row-match.ts';
import { rankQuery, runSearch } from './search-run.ts';

const NOW = Date.UTC(2026, 11, 1);

function doc(key: string, over: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id: `it_${key}` as ItemId, key, title: '', authors: [], venue: '', abstract: '', note: '', annotations: [], pages: [],
    tags: [], collections: [], doi: '', arxiv: '', types: ['article-journal'], year: 2020, rating: 0, read: 'unread',
    flagged: false, pending: false, trashed: false, hasPdf: false, addedAt: NOW, modifiedAt: NOW, ...over,
  };
}

const index = new SearchIndex([
  doc('vaswani2017attention', {
    title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], venue: 'NeurIPS', hasPdf: true,
    pages: ['Introduction', 'Background', 'Model', 'We call our particular attention scaled dot-product attention.'],
  }),
  doc('scholkopf2002learning', { title: 'Learning with Kernels', authors: ['Bernhard Schölkopf'] }),
  doc('keskar2017large', { title: 'Sharp Minima', note: 'Flat minima generalise better; see the sharpness figure.' }),
  doc('dot2020', { title: 'Dot products everywhere', abstract: 'scaled attention again' }),
]);
const id = (key: string) => `it_${key}` as ItemId;

describe('rankQuery', () => {
  it('answers every matching id best first, as runSearch ranks them, without snippets', () => {
    const ranked = rankQuery(index, { collections: [] }, 'attention', { now: NOW });
    const searched = runSearch(index, { collections: [] }, 'attention', { now: NOW });
    if (!ranked.ok || !searched.ok) throw new Error('query failed');
    expect(ranked.ids).toEqual(searched.hits.map((h) => h.id));
    expect(ranked.total).toBe(2);
    // Title beats abstract.
    expect(ranked.ids[0]).toBe(id('vaswani2017attention'));
    expect(ranked.scores[0]).toBeGreaterThan(ranked.scores[1] as number);
  });

  it('"atention tranformer" together finds the paper with both words, exact words ranking above typos', () => {
    const docs = new SearchIndex([
      doc('vaswani2017attention', { title: 'Attention Is All You Need', abstract: 'We propose the Transformer, based solely on attention.' }),
      doc('atenton2020', { title: 'Atenton tranformers', abstract: '' }),
      doc('graph2019', { title: 'Graph attention networks' }),
    ]);
    const ranked = rankQuery(docs, { collections: [] }, 'atention tranformer', { now: NOW });
    if (!ranked.ok) throw new Error(ranked.error.message);
    expect(ranked.ids).toContain(id('vaswani2017attention'));
    expect(ranked.ids).not.toContain(id('graph2019'));
    // Typed with the typos, the exact spelling of the typos matches best.
    expect(ranked.ids[0]).toBe(id('atenton2020'));
    const exact = rankQuery(docs, { collections: [] }, 'attention transformer', { now: NOW });
    expect(exact.ok && exact.ids[0]).toBe(id('vaswani2017attention'));
  });

  it('answers a malformed query with its error', () => {
    const ranked = rankQuery(index, { collections: [] }, 'year:(', { now: NOW });
    expect(ranked.ok).toBe(false);
  });
});

describe('rowMatches', () => {
  it('gives a full-text hit its page and snippet, and the terms to mark in it', () => {
    const [m] = rowMatches(index, 'fulltext:"scaled dot-product"', [id('vaswani2017attention')], NOW);
    expect(m?.page).toBe(4);
    expect(m?.snippet).toContain('scaled dot-product attention');
    expect(m?.fields).toEqual(['fulltext']);
    expect(m?.source).toBe('fulltext');
    const snippet = m?.snippet ?? '';
    expect(highlightRanges(snippet, m?.terms ?? []).map((r) => snippet.slice(r.start, r.end))).toEqual(['scaled', 'dot', 'product']);
  });

  it('takes the snippet from the page that holds the most of the words', () => {
    const [m] = rowMatches(index, 'background atention scaled', [id('vaswani2017attention')], NOW);
    expect(m?.page).toBe(4);
  });

  it('marks typo and accent matches in the title and authors with the index terms they matched', () => {
    const [m] = rowMatches(index, 'atention', [id('vaswani2017attention')], NOW);
    expect(m?.terms).toContain('attention');
    expect(m?.fields).toContain('title');
    const [s] = rowMatches(index, 'Schoelkopf', [id('scholkopf2002learning')], NOW);
    expect(highlightRanges('Bernhard Schölkopf', s?.terms ?? []).length).toBe(1);
  });

  it('shows a note hit under the row without a page', () => {
    const [m] = rowMatches(index, 'generalise', [id('keskar2017large')], NOW);
    expect(m?.snippet).toContain('Flat minima generalise better');
    expect(m?.page).toBeUndefined();
    expect(m?.source).toBe('note');
    expect(m?.fields).toEqual(['note']);
  });

  it('marks a key prefix and answers null for an unknown id or a bad query', () => {
    const [m, none] = rowMatches(index, 'key:vaswani*', [id('vaswani2017attention'), id('nope')], NOW);
    expect(m?.terms).toContain('vaswani');
    expect(none).toBeNull();
    expect(rowMatches(index, 'sharp (', [id('keskar2017large')], NOW)).toEqual([null]);
  });

  it('never carries terms under a NOT', () => {
    const [m] = rowMatches(index, 'sharp -attention', [id('keskar2017large')], NOW);
    expect(m?.terms).not.toContain('attention');
  });
});
