import { describe, expect, it } from 'vitest';
import type { ItemId } from '../../model/ids.ts';
import { runSearch } from '../query/search-run.ts';
import { relatedItems } from './related.ts';
import { SearchIndex } from './search-index.ts';
import type { SearchDoc } from './search-doc.ts';

function doc(n: number, over: Partial<SearchDoc> = {}): SearchDoc {
  const words = ['attention', 'transformer', 'diffusion', 'kernel', 'sparse', 'graph', 'bayesian', 'minima'];
  return {
    id: `it_${n}` as ItemId, key: `key${n}`, title: `${words[n % 8]} ${words[(n * 3) % 8]} study ${n}`,
    authors: [`Anna ${['Müller', 'Schölkopf', 'Keskar'][n % 3]}`], venue: n % 2 ? 'NeurIPS' : 'ICML',
    abstract: `We study ${words[(n * 5) % 8]} models of ${words[(n + 1) % 8]} with sharp minima.`, note: '', annotations: [],
    pages: n % 4 === 0 ? [`page one of paper ${n}`, `only here: quokkas ${words[n % 8]}`] : [], tags: n % 5 ? [] : ['to-read'],
    collections: [], doi: '', arxiv: '', types: ['article-journal'], year: 2000 + (n % 25), rating: 0, read: 'unread',
    flagged: false, pending: false, trashed: false, hasPdf: n % 4 === 0, addedAt: 0, modifiedAt: 0, ...over,
  };
}

const QUERIES = ['attention', 'atention tranformer', 'schoelkopf', 'tra', 'fulltext:quokkas', '"sharp minima"', 'kernel year:2005..2015', 'tag:to-read graph', 'zzz'];
const ctx = { collections: [] };
const answers = (index: SearchIndex) => QUERIES.map((q) => runSearch(index, ctx, q, { now: 0 }));
const keys = (index: SearchIndex, q: string) => {
  const out = runSearch(index, ctx, q, { now: 0 });
  return out.ok ? out.hits.map((h) => h.key) : [];
};

describe('an index saved as a snapshot and restored', () => {
  const docs = Array.from({ length: 60 }, (_, n) => doc(n));

  it('answers every query exactly as the index it was taken from', () => {
    const built = new SearchIndex(docs);
    const restored = SearchIndex.fromSnapshot(built.snapshot());
    expect(answers(restored)).toEqual(answers(built));
    expect(relatedItems(restored, docs[4]!.id, 5)).toEqual(relatedItems(built, docs[4]!.id, 5));
  });

  it('leaves out removed and replaced documents, as an index built from the survivors would have them', () => {
    const built = new SearchIndex(docs);
    for (let n = 0; n < 60; n += 3) built.remove(docs[n]!.id);
    built.put(doc(7, { title: 'Renamed quokka paper' }));
    const survivors = docs.filter((_, n) => n % 3 !== 0 && n !== 7).concat(doc(7, { title: 'Renamed quokka paper' }));
    const snap = built.snapshot();
    expect(snap.docs.map((d) => d.id)).toEqual(survivors.map((d) => d.id));
    expect(answers(SearchIndex.fromSnapshot(snap))).toEqual(answers(new SearchIndex(survivors)));
  });

  it('takes changes after it was restored, into lists that came from the snapshot', () => {
    const restored = SearchIndex.fromSnapshot(new SearchIndex(docs).snapshot());
    const fresh = new SearchIndex(docs);
    for (const index of [restored, fresh]) {
      index.put(doc(100, { title: 'attention wombats' }));
      index.put(doc(3, { title: 'no longer about that' }));
      index.remove(docs[5]!.id);
    }
    expect(answers(restored)).toEqual(answers(fresh));
    expect(keys(restored, 'wombats')).toEqual(['key100']);
  });

  it('restores an empty index', () => {
    const restored = SearchIndex.fromSnapshot(new SearchIndex().snapshot());
    expect(restored.size).toBe(0);
    restored.put(doc(1));
    expect(keys(restored, 'study')).toEqual(['key1']);
  });
});
