import { describe, it, expect } from 'vitest';
import { asItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import { createQuickFilter } from './quick-filter.ts';
import { foldText, queryTerms } from './fold-text.ts';

function row(id: string, title: string, authors = '', year: number | null = null, key = id, venue = ''): ItemRow {
  return {
    id: asItemId(id), key, type: 'article-journal', title, authors, year, venue,
    addedAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z',
    tags: [], collections: [], read: 'unread', flagged: false, trashed: false, hasNote: false, hasPdf: false, annotationCount: 0,
  };
}

const rows = [
  row('a', 'Attention Is All You Need', 'Vaswani, Shazeer, Parmar et al.', 2017, 'vaswani2017attention'),
  row('b', 'Über formal unentscheidbare Sätze', 'Gödel', 1931, 'godel1931formal'),
  row('c', 'Deep Residual Learning', 'He, Zhang, Ren et al.', 2016, 'he2016deep', 'CVPR attention workshop'),
  row('d', 'BERT: Pre-training of Deep Bidirectional Transformers', 'Devlin, Chang', 2019, 'devlin2019bert'),
];
const ids = (r: ItemRow[]) => r.map((x) => x.id);

describe('foldText', () => {
  it('lowercases and strips accents, including letters NFD does not split', () => {
    expect(foldText('Gödel Łukasiewicz Straße Ærø')).toBe('godel lukasiewicz strasse aero');
  });
  it('splits a query on any whitespace', () => {
    expect(queryTerms('  Deep\tLEARNING  2016 ')).toEqual(['deep', 'learning', '2016']);
  });
});

describe('createQuickFilter', () => {
  it('returns every row for an empty or blank query', () => {
    const qf = createQuickFilter(rows);
    expect(ids(qf.filter(''))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(qf.filter('   '))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('requires every term, in any field, in input order', () => {
    const qf = createQuickFilter(rows);
    expect(ids(qf.filter('deep'))).toEqual(['c', 'd']);
    expect(ids(qf.filter('deep 2019'))).toEqual(['d']);
    expect(ids(qf.filter('he2016'))).toEqual(['c']);
    expect(ids(qf.filter('vaswani need'))).toEqual(['a']);
  });

  it('matches without accents both ways', () => {
    const qf = createQuickFilter(rows);
    expect(ids(qf.filter('godel satze'))).toEqual(['b']);
    expect(ids(qf.filter('GÖDEL'))).toEqual(['b']);
  });

  it('does not match the venue, which is not part of the haystack', () => {
    expect(ids(createQuickFilter(rows).filter('cvpr'))).toEqual([]);
  });

  it('does not match across field boundaries', () => {
    // "...Need" + "Vaswani": a term spanning the title/author join must not match.
    expect(ids(createQuickFilter(rows).filter('needvaswani'))).toEqual([]);
  });

  it('gives the same answers when typing forwards, deleting and retyping', () => {
    const qf = createQuickFilter(rows);
    const fresh = (q: string) => ids(createQuickFilter(rows).filter(q));
    for (const q of ['d', 'de', 'dee', 'deep', 'deep ', 'deep l', 'deep le', 'deep', 'de', 'b', 'be', 'bert deep', 'deep bert', 'x', '']) {
      expect(ids(qf.filter(q)), q).toEqual(fresh(q));
    }
  });

  it('widens again when a narrowing query is replaced by an unrelated one', () => {
    const qf = createQuickFilter(rows);
    expect(ids(qf.filter('attention'))).toEqual(['a']);
    expect(ids(qf.filter('attentio learning'))).toEqual([]);
    expect(ids(qf.filter('learning'))).toEqual(['c']);
  });

  it('filters 50,000 rows well within a frame per keystroke once built', () => {
    const words = ['neural', 'graph', 'quantum', 'protein', 'language', 'model', 'learning', 'bayesian', 'inference', 'network'];
    const big: ItemRow[] = [];
    for (let i = 0; i < 50_000; i++) {
      const w = (k: number) => words[(i * 7 + k * 13) % words.length];
      big.push(row(`r${i}`, `${w(1)} ${w(2)} for ${w(3)} ${w(4)} ${i}`, `Author${i % 977}, Other${i % 31}`, 1950 + (i % 75), `key${i}`));
    }
    const qf = createQuickFilter(big);
    qf.filter('');
    // Speed is measured by `npm run bench`, not here; this checks that narrowing stays correct at scale.
    const typed = ['n', 'ne', 'neu', 'neur', 'neura', 'neural', 'neural ', 'neural g', 'neural gr', 'neural gra'];
    for (const q of typed) qf.filter(q);
    expect(qf.filter('neural gra').every((r) => r.title.includes('neural') && r.title.includes('gra'))).toBe(true);
  });
});

describe('warm-up in slices', () => {
  it('prepares the index a slice at a time and gives the same answers as a cold filter', () => {
    const many = Array.from({ length: 1000 }, (_, i) => row(`w${i}`, `Gödel paper ${i}`, `Émile ${i % 7}`, 2000 + (i % 20)));
    const warmed = createQuickFilter(many);
    let calls = 0;
    expect(warmed.warm(() => ++calls >= 1)).toBe(false);
    expect(warmed.warm(() => false)).toBe(true);
    const cold = createQuickFilter(many);
    for (const q of ['godel 12', 'emile 3', '2019', 'paper 999']) expect(warmed.filter(q)).toEqual(cold.filter(q));
    expect(cold.filter('godel 12').map((r) => r.id)).toContain('w12');
  });
});
