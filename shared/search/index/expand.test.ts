import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../model/ids.ts';
import { rankQuery } from '../query/search-run.ts';
import { SearchIndex } from './search-index.ts';
import type { SearchDoc } from './search-doc.ts';

const doc = (i: number, title: string): SearchDoc => ({
  id: `it_${i}` as ItemId, key: `k${i}`, title, authors: [], venue: '', abstract: '', note: '', annotations: [], pages: [],
  tags: [], collections: [], doi: '', arxiv: '', types: ['article-journal'], year: 2020, rating: 0, read: 'unread',
  flagged: false, pending: false, trashed: false, hasPdf: false, addedAt: 0, modifiedAt: 0,
});

describe('SearchIndex.expand', () => {
  // 200 words beginning "ab"; "abzzz" is in 30 titles, the rest in one each.
  const docs = Array.from({ length: 200 }, (_, i) => doc(i, `ab${i.toString(36).padStart(3, 'a')}`));
  for (let i = 0; i < 30; i++) docs.push(doc(1000 + i, 'abzzz'));
  const index = new SearchIndex(docs);

  it('scores at most 64 prefix expansions, the most used first, and always the exact term', () => {
    const list = index.expand('ab');
    expect(list.length).toBe(64);
    expect(list[0]).toEqual({ term: 'abzzz', quality: 0.7 });
    const exact = index.expand('abaaa');
    expect(exact[0]).toEqual({ term: 'abaaa', quality: 1 });
  });

  it('chooses among every term a prefix of two letters or more begins, so a longer prefix never finds what it missed', () => {
    // 400 rare words "traa…" come before "transformer" (in 30 documents) in the sorted vocabulary.
    const many = Array.from({ length: 400 }, (_, i) => doc(2000 + i, `attention traa${i.toString(36).padStart(3, '0')}`));
    for (let i = 0; i < 30; i++) many.push(doc(3000 + i, 'attention transformer'));
    const big = new SearchIndex(many);
    expect(big.expand('tr')[0]).toEqual({ term: 'transformer', quality: 0.7 });
    const found = (query: string): Set<string> => {
      const out = rankQuery(big, { collections: [] }, query);
      return new Set(out.ok ? out.ids : []);
    };
    const tran = found('attention tran');
    expect(tran.size).toBe(30);
    const tr = found('attention tr');
    for (const id of tran) expect(tr.has(id)).toBe(true);
  });

  it('scores at most 12 typo expansions, one typo before two', () => {
    const typos = index.expand('abaxa').filter((e) => e.quality < 0.7);
    expect(typos.length).toBeLessThanOrEqual(12);
    expect(typos.length).toBeGreaterThan(0);
    expect(typos.every((e, i) => i === 0 || (typos[i - 1] as { quality: number }).quality >= e.quality)).toBe(true);
  });
});

describe('the vocabulary after changes', () => {
  it('finds words added after the first query, in order, as prefixes and typos', () => {
    const index = new SearchIndex([doc(1, 'alpha gamma')]);
    expect(index.expand('bet')).toEqual([]);
    index.put(doc(2, 'beta delta'));
    index.put(doc(3, 'betamax alpha'));
    expect(index.expand('bet').map((e) => e.term)).toEqual(['beta', 'betamax']);
    expect(index.expand('delte').map((e) => e.term)).toEqual(['delta']);
    expect(index.expand('alpha')[0]).toEqual({ term: 'alpha', quality: 1 });
  });
});
