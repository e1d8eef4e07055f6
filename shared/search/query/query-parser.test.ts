import { describe, expect, it } from 'vitest';
import { parseQuery, MAX_QUERY_DEPTH } from './query-parser.ts';
import { printQuery } from './query-print.ts';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

// [query, printed tree]
const OK: Array<[string, string]> = [
  ['', 'all'],
  ['   ', 'all'],
  ['attention', 'any~attention'],
  ['Attention', 'any~attention'],
  ['Schölkopf', 'any~scholkopf'],
  ['atention tranformer', '(and any~atention any~tranformer)'],
  ['"flat minima"', 'any="flat minima"'],
  ['self-attention', 'any="self attention"'],
  ['author:keskar', 'author~keskar'],
  ['authors:keskar', 'author~keskar'],
  ['by:keskar', 'author~keskar'],
  ['AUTHOR:Keskar', 'author~keskar'],
  ['title:"flat minima"', 'title="flat minima"'],
  ['title: minima', 'title~minima'],
  ['venue:neurips', 'venue~neurips'],
  ['journal:nature', 'venue~nature'],
  ['abstract:calibration', 'abstract~calibration'],
  ['note:todo', 'note~todo'],
  ['fulltext:"sharp minima"', 'fulltext="sharp minima"'],
  ['annotation:calibration', 'annotation~calibration'],
  ['key:vaswani*', 'key=vaswani*'],
  ['key:Vaswani2017Attention', 'key=vaswani2017attention'],
  ['doi:10.48550/arXiv.1706.03762', 'doi=10.48550/arxiv.1706.03762'],
  ['doi:10.1000/a:b', 'doi=10.1000/a:b'],
  ['arxiv:1706.03762', 'arxiv=1706.03762'],
  ['type:inproceedings', 'type=inproceedings'],
  ['tag:to-read', 'tag=to-read'],
  ['tag:to-*', 'tag=to-*'],
  ['collection:"Reading group"', 'collection=reading group'],
  ['in:Thesis', 'collection=thesis'],
  ['year:2017', 'year[2017,2017]'],
  ['year:2017..2020', 'year[2017,2020]'],
  ['year:>=2021', 'year[2021,*]'],
  ['year:>2020', 'year[2021,*]'],
  ['year:<2000', 'year[*,1999]'],
  ['year:<=1999', 'year[*,1999]'],
  ['year:..1990', 'year[*,1990]'],
  ['year:2020..', 'year[2020,*]'],
  ['rating:>=4', 'rating[4,*]'],
  ['rating:5', 'rating[5,5]'],
  ['added:<30d', 'added[2026-11-01,*)'],
  ['added:>1y', 'added[*,2025-12-01)'],
  ['modified:2026-11', 'modified[2026-11-01,2026-12-01)'],
  ['modified:2026', 'modified[2026-01-01,2027-01-01)'],
  ['added:2026-11-05', 'added[2026-11-05,2026-11-06)'],
  ['added:2026-01..2026-03', 'added[2026-01-01,2026-04-01)'],
  ['added:>=2026-06', 'added[2026-06-01,*)'],
  ['added:<2026-06', 'added[*,2026-06-01)'],
  ['is:unread', 'is:unread'],
  ['is:READ', 'is:read'],
  ['is:flagged', 'is:flagged'],
  ['is:pending', 'is:pending'],
  ['is:trashed', 'is:trashed'],
  ['has:pdf', 'has:pdf'],
  ['has:annotations', 'has:annotations'],
  ['has:doi', 'has:doi'],
  ['related:vaswani2017attention', 'related:vaswani2017attention'],
  ['a b c', '(and any~a any~b any~c)'],
  ['a AND b', '(and any~a any~b)'],
  ['a OR b', '(or any~a any~b)'],
  ['a b OR c', '(or (and any~a any~b) any~c)'],
  ['a OR b c', '(or any~a (and any~b any~c))'],
  ['(a OR b) c', '(and (or any~a any~b) any~c)'],
  ['-a', '(not any~a)'],
  ['NOT a', '(not any~a)'],
  ['a -b', '(and any~a (not any~b))'],
  ['-tag:to-read', '(not tag=to-read)'],
  ['NOT (a OR b)', '(not (or any~a any~b))'],
  ['--a', '(not (not any~a))'],
  ['or and', '(and any~or any~and)'],
  ['is:unread venue:neurips year:2024 tag:to-read', '(and is:unread venue~neurips year[2024,2024] tag=to-read)'],
  ['author:keskar flat minima', '(and author~keskar any~flat any~minima)'],
  ['機械学習', 'any="機械学習"'],
  ['Трансформер', 'any~трансформер'],
  ['((a))', 'any~a'],
];

// [query, message fragment, start, end]
const ERRORS: Array<[string, string, number, number]> = [
  ['"flat minima', 'never closed', 0, 12],
  ['title:"flat', 'never closed', 6, 11],
  ['(a OR b', 'never closed', 0, 1],
  ['a)', 'no "("', 1, 2],
  [')', 'no "("', 0, 1],
  ['()', 'empty', 0, 2],
  ['a OR', 'OR needs something after it', 2, 4],
  ['OR a', 'OR needs something before it', 0, 2],
  ['a AND', 'AND needs something after it', 2, 5],
  ['a OR OR b', 'OR needs something after it', 2, 4],
  ['NOT', 'NOT needs something after it', 0, 3],
  ['a NOT', 'NOT needs something after it', 2, 5],
  ['foo:bar', 'Unknown field "foo:"', 0, 3],
  ['titel:x', 'Unknown field "titel:"', 0, 5],
  ['title:', 'needs a value', 0, 6],
  ['author: )', 'needs a value', 0, 7],
  ['year:abc', 'not a year', 5, 8],
  ['year:2020..2010', 'not a year', 5, 15],
  ['rating:lots', 'not a rating', 7, 11],
  ['added:yesterday', 'not a date', 6, 15],
  ['added:2026-13', 'not a date', 6, 13],
  ['added:2026-02-30', 'not a date', 6, 16],
  ['is:happy', 'is: takes', 3, 8],
  ['has:cake', 'has: takes', 4, 8],
  ['key:va*ni', 'only at the end', 0, 9],
  ['tag:*a', 'only at the end', 0, 6],
  ['""', 'no words', 0, 2],
  ['title:"!!"', 'no words', 0, 10],
  ['x'.repeat(2001), 'longer than', 2000, 2001],
  ['('.repeat(MAX_QUERY_DEPTH + 1) + 'a' + ')'.repeat(MAX_QUERY_DEPTH + 1), 'deeper', MAX_QUERY_DEPTH, MAX_QUERY_DEPTH + 1],
  ['-'.repeat(50) + 'a', 'deeper', MAX_QUERY_DEPTH, MAX_QUERY_DEPTH + 1],
];

describe('parseQuery', () => {
  it.each(OK)('%j parses to %s', (query, printed) => {
    const result = parseQuery(query, NOW);
    if (!result.ok) throw new Error(`${result.error.message} at ${result.error.span.start}`);
    expect(printQuery(result.query)).toBe(printed);
  });

  it.each(ERRORS)('%j is an error: %s at %i..%i', (query, message, start, end) => {
    const result = parseQuery(query, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.span).toEqual({ start, end });
  });

  it('keeps the span of each node, for highlighting', () => {
    const result = parseQuery('author:keskar (flat OR sharp)', NOW);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.query.kind).toBe('and');
    if (result.query.kind !== 'and') return;
    expect(result.query.children.map((c) => c.span)).toEqual([{ start: 0, end: 13 }, { start: 14, end: 29 }]);
  });

  it('never throws, whatever it is given', () => {
    const alphabet = ['a', ' ', '(', ')', '"', '-', ':', 'OR', 'NOT', 'AND', 'year:', 'tag:', '*', '..', '>=', '2020', 'é', '\u0000'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      let q = '';
      const n = Math.floor(random() * 12);
      for (let j = 0; j < n; j++) q += alphabet[Math.floor(random() * alphabet.length)];
      const result = parseQuery(q, NOW);
      if (!result.ok) expect(result.error.span.start).toBeLessThanOrEqual(q.length);
    }
  });
});
