import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../model/ids.ts';
import { SearchIndex } from './search-index.ts';
import type { SearchDoc } from './search-doc.ts';
import { relatedItems } from './related.ts';

function doc(key: string, title: string, abstract: string, authors: string[]): SearchDoc {
  return {
    id: key as ItemId, key, title, authors, venue: '', abstract, note: '', annotations: [], pages: [], tags: [], collections: [],
    doi: '', arxiv: '', types: ['article-journal'], year: 2020, rating: 0, read: 'unread', flagged: false, pending: false,
    trashed: false, hasPdf: false, addedAt: 0, modifiedAt: 0,
  };
}

const FILLER = ['graph coloring heuristics', 'protein folding energy', 'galaxy rotation curves', 'soil moisture sensing',
  'compiler register allocation', 'bird migration routes', 'bridge load testing', 'coral reef bleaching'];
const docs = [
  doc('a', 'Generalization gap in offline reinforcement learning', 'We study the generalization gap of offline RL agents and conservative Q learning.', ['Ana Lopez', 'Bo Chen']),
  doc('b', 'Closing the generalization gap of offline agents', 'Offline reinforcement learning agents overfit; we measure the generalization gap.', ['Ana Lopez']),
  doc('c', 'Conservative Q learning for offline reinforcement learning', 'A conservative critic for offline data.', ['Cy Kumar']),
  doc('d', 'Sharp minima and the generalization gap of large batches', 'Large batch training finds sharp minima with a generalization gap.', ['Dee Park']),
  doc('e', 'Reef fish counting', 'Underwater survey of reef fish.', ['Bo Chen']),
  ...FILLER.map((f, i) => doc(`f${i}`, f, `${f} studied at length with field data`, [`Filler Author${i}`])),
];

describe('relatedItems', () => {
  const index = new SearchIndex(docs);

  it('ranks items by shared telling terms and authors, and says why', () => {
    const hits = relatedItems(index, 'a' as ItemId, 5);
    expect(hits.map((h) => h.id).slice(0, 3)).toEqual(['b', 'c', 'd']);
    expect(hits[0]?.why).toMatch(/^shared: .*(generalization|offline|gap).*; same first author$/);
    expect(hits.find((h) => h.id === 'e')?.why).toBe('shared author: chen');
    expect(hits.some((h) => h.id.startsWith('f'))).toBe(false);
  });

  it('answers nothing for an unknown item and never lists the item itself', () => {
    expect(relatedItems(index, 'nope' as ItemId)).toEqual([]);
    expect(relatedItems(index, 'b' as ItemId).some((h) => h.id === 'b')).toBe(false);
  });
});

describe('document frequencies', () => {
  it('follow documents put, replaced and removed', () => {
    const index = new SearchIndex(docs);
    expect(index.documentFrequency('title', 'generalization')).toBe(3);
    index.put({ ...(docs[0] as SearchDoc), title: 'Something else entirely' });
    expect(index.documentFrequency('title', 'generalization')).toBe(2);
    expect(index.documentFrequency('title', 'entirely')).toBe(1);
    index.remove('b' as ItemId);
    expect(index.documentFrequency('title', 'generalization')).toBe(1);
    expect(index.documentFrequency('abstract', 'overfit')).toBe(0);
  });
});

describe('related items after the index changes', () => {
  const strip = (hits: ReturnType<typeof relatedItems>) => hits.map(({ id, score, why }) => ({ id, score, why }));

  it('answer as an index built afresh from the same documents (the per-term scores kept between calls are dropped)', () => {
    const index = new SearchIndex(docs);
    // Asked once, so the scores of a's terms are kept.
    expect(relatedItems(index, 'a' as ItemId, 5).map((h) => h.id)).not.toContain('g');
    const added = doc('g', 'Offline reinforcement learning generalization gap, conservative', 'Generalization gap of offline reinforcement learning agents.', ['Gil Ray']);
    index.put(added);
    const afterPut = relatedItems(index, 'a' as ItemId, 5);
    expect(afterPut.map((h) => h.id)).toContain('g');
    expect(strip(afterPut)).toEqual(strip(relatedItems(new SearchIndex([...docs, added]), 'a' as ItemId, 5)));
    index.remove('b' as ItemId);
    const afterRemove = relatedItems(index, 'a' as ItemId, 5);
    expect(afterRemove.map((h) => h.id)).not.toContain('b');
    expect(strip(afterRemove)).toEqual(strip(relatedItems(new SearchIndex([...docs.filter((d) => d.id !== 'b'), added]), 'a' as ItemId, 5)));
  });

  it('are the same asked again, from the kept scores', () => {
    const index = new SearchIndex(docs);
    const first = strip(relatedItems(index, 'd' as ItemId, 8));
    expect(strip(relatedItems(index, 'd' as ItemId, 8))).toEqual(first);
    expect(strip(relatedItems(new SearchIndex(docs), 'd' as ItemId, 8))).toEqual(first);
  });
});
