import { describe, expect, it } from 'vitest';
import type { Collection } from '../../model/collection.ts';
import type { CollectionId, ItemId } from '../../model/ids.ts';
import { SearchIndex } from '../index/search-index.ts';
import type { SearchDoc } from '../index/search-doc.ts';
import { runSearch } from './search-run.ts';

const NOW = Date.UTC(2026, 11, 1);
const cid = (s: string) => s as CollectionId;

function doc(key: string, over: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id: `it_${key}` as ItemId, key, title: '', authors: [], venue: '', abstract: '', note: '', annotations: [], pages: [],
    tags: [], collections: [], doi: '', arxiv: '', types: ['article-journal'], year: 2020, rating: 0, read: 'unread',
    flagged: false, pending: false, trashed: false, hasPdf: false, addedAt: NOW - 86_400_000, modifiedAt: NOW - 86_400_000, ...over,
  };
}

const COLLECTIONS: Collection[] = [
  { id: cid('c1'), name: 'Reading group', parentId: null, createdAt: '' },
  { id: cid('c2'), name: 'Week 3', parentId: cid('c1'), createdAt: '' },
  { id: cid('c3'), name: 'Thesis', parentId: null, createdAt: '' },
];

const DOCS = [
  doc('vaswani2017attention', {
    title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], venue: 'NeurIPS', year: 2017,
    types: ['paper-conference', 'inproceedings'], arxiv: '1706.03762', doi: '10.48550/arxiv.1706.03762', tags: ['to-read'],
    collections: [cid('c2')], hasPdf: true,
    pages: ['Introduction', 'Background', 'We call our particular attention scaled dot-product attention.', 'Training on 8 GPUs'],
  }),
  doc('dosovitskiy2021image', { title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale', authors: ['Alexey Dosovitskiy'], year: 2021, venue: 'ICLR' }),
  doc('keskar2017large', {
    title: 'On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima', authors: ['Nitish Shirish Keskar'],
    year: 2017, venue: 'ICLR', read: 'read', rating: 5, note: 'Flat minima generalise better; see the sharpness figure.',
    collections: [cid('c3')],
  }),
  doc('scholkopf2002learning', { title: 'Learning with Kernels', authors: ['Bernhard Schölkopf', 'Alexander J. Smola'], year: 2002, types: ['book'] }),
  doc('yamada2020', { title: '機械学習の基礎', authors: ['山田 太郎'], year: 2020 }),
  doc('ivanov2019', { title: 'Трансформеры для перевода', authors: ['Иван Иванов'], year: 2019 }),
  doc('guo2017calibration', { title: 'On Calibration of Modern Neural Networks', authors: ['Chuan Guo'], year: 2017, flagged: true, annotations: ['temperature scaling fixes calibration'] }),
  doc('old2010trash', { title: 'Attention in the trash', trashed: true, year: 2010 }),
  doc('attend2018', { title: 'Attend and tell', year: 2018, addedAt: NOW - 100 * 86_400_000 }),
  doc('attendance2019', { title: 'Attendance', year: 2019 }),
  doc('atend2019', { title: 'Atend', year: 2019 }),
];

const index = new SearchIndex(DOCS);
const keys = (query: string): string[] => {
  const out = runSearch(index, { collections: COLLECTIONS }, query, { now: NOW });
  if (!out.ok) throw new Error(out.error.message);
  return out.hits.map((h) => h.key);
};

describe('runSearch', () => {
  it('tolerates typos: "atention tranformer" finds attention and transformer papers', () => {
    expect(keys('atention')).toContain('vaswani2017attention');
    expect(keys('tranformers')).toContain('dosovitskiy2021image');
    expect(keys('atention')).not.toContain('old2010trash');
  });

  it('ranks exact matches above prefixes, and prefixes above typos', () => {
    expect(keys('attend')).toEqual(['attend2018', 'attendance2019', 'atend2019']);
  });

  it('is accent blind: Scholkopf, Schoelkopf and Schölkopf find the same author', () => {
    for (const q of ['Scholkopf', 'Schoelkopf', 'Schölkopf', 'author:schölkopf']) expect(keys(q)).toEqual(['scholkopf2002learning']);
  });

  it('finds CJK and Cyrillic text', () => {
    expect(keys('学習')).toEqual(['yamada2020']);
    expect(keys('機械学習')).toEqual(['yamada2020']);
    expect(keys('трансформеры')).toEqual(['ivanov2019']);
    expect(keys('author:иванов')).toEqual(['ivanov2019']);
  });

  it('answers field queries, ranges and states', () => {
    expect(keys('author:keskar')).toEqual(['keskar2017large']);
    expect(keys('title:"sharp minima"')).toEqual(['keskar2017large']);
    expect(keys('title:"minima sharp"')).toEqual([]);
    expect(keys('venue:iclr year:2017')).toEqual(['keskar2017large']);
    expect(keys('year:2017..2018').sort()).toEqual(['attend2018', 'guo2017calibration', 'keskar2017large', 'vaswani2017attention']);
    expect(keys('year:>=2021')).toEqual(['dosovitskiy2021image']);
    expect(keys('type:inproceedings')).toEqual(['vaswani2017attention']);
    expect(keys('type:book')).toEqual(['scholkopf2002learning']);
    expect(keys('key:vaswani*')).toEqual(['vaswani2017attention']);
    expect(keys('doi:10.48550/arXiv.1706.03762')).toEqual(['vaswani2017attention']);
    expect(keys('arxiv:1706.03762v5')).toEqual(['vaswani2017attention']);
    expect(keys('tag:to-read')).toEqual(['vaswani2017attention']);
    expect(keys('is:read rating:>=4')).toEqual(['keskar2017large']);
    expect(keys('is:flagged')).toEqual(['guo2017calibration']);
    expect(keys('has:pdf')).toEqual(['vaswani2017attention']);
    expect(keys('has:note')).toEqual(['keskar2017large']);
    expect(keys('is:trashed')).toEqual(['old2010trash']);
    expect(keys('added:>30d')).toEqual(['attend2018']);
  });

  it('searches a collection with its sub-collections', () => {
    expect(keys('collection:"Reading group"')).toEqual(['vaswani2017attention']);
    expect(keys('collection:thesis')).toEqual(['keskar2017large']);
  });

  it('combines with OR, NOT and parentheses', () => {
    expect(keys('author:keskar OR author:guo').sort()).toEqual(['guo2017calibration', 'keskar2017large']);
    expect(keys('year:2017 -author:keskar').sort()).toEqual(['guo2017calibration', 'vaswani2017attention']);
    expect(keys('(iclr OR neurips) NOT image').sort()).toEqual(['keskar2017large', 'vaswani2017attention']);
  });

  it('shows a snippet with the page for a full-text hit, and for note and annotation hits', () => {
    const out = runSearch(index, { collections: COLLECTIONS }, 'fulltext:"scaled dot-product"', { now: NOW });
    expect(out.ok && out.hits[0]).toMatchObject({ key: 'vaswani2017attention', page: 3 });
    expect(out.ok && out.hits[0]?.snippet).toContain('scaled dot-product attention');
    const note = runSearch(index, { collections: COLLECTIONS }, 'flat generalise', { now: NOW });
    expect(note.ok && note.hits[0]?.snippet).toContain('Flat minima generalise');
    const annotation = runSearch(index, { collections: COLLECTIONS }, 'temperature', { now: NOW });
    expect(annotation.ok && annotation.hits[0]?.snippet).toContain('temperature scaling');
  });

  it('reports a malformed query with its position instead of matching everything', () => {
    const out = runSearch(index, { collections: COLLECTIONS }, 'author:keskar (flat', { now: NOW });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.span.start).toBe(14);
  });

  it('follows replaced and removed documents', () => {
    const local = new SearchIndex(DOCS);
    local.put({ ...(DOCS[0] as SearchDoc), title: 'Renamed paper' });
    local.remove(DOCS[2]?.id as ItemId);
    const find = (q: string) => { const o = runSearch(local, { collections: [] }, q, { now: NOW }); return o.ok ? o.hits.map((h) => h.key) : []; };
    expect(find('renamed')).toEqual(['vaswani2017attention']);
    expect(find('keskar')).toEqual([]);
  });
});
