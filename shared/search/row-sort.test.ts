import { describe, it, expect } from 'vitest';
import { asItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import { rowComparator, sortRows, updateSorted } from './row-sort.ts';

function row(id: string, over: Partial<ItemRow> = {}): ItemRow {
  return {
    id: asItemId(id), key: id, type: 'book', title: '', authors: '', year: null, venue: '',
    addedAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z',
    tags: [], collections: [], read: 'unread', flagged: false, trashed: false, hasNote: false, hasPdf: false, annotationCount: 0,
    ...over,
  };
}
const ids = (r: ItemRow[]) => r.map((x) => x.id);

describe('sortRows', () => {
  const rows = [
    row('1', { title: 'zeta', year: 2001, authors: 'Émile', venue: '' }),
    row('2', { title: '"Alpha"', year: null, authors: 'Adams', venue: 'Nature' }),
    row('3', { title: 'beta', year: 1999, authors: 'Ehrlich', venue: 'Cell' }),
    row('4', { title: 'Beta', year: 2001, authors: '', venue: 'Science' }),
  ];

  it('sorts titles case- and punctuation-insensitively, ties by id', () => {
    expect(ids(sortRows(rows, { column: 'title', direction: 'asc' }))).toEqual(['2', '3', '4', '1']);
    expect(ids(sortRows(rows, { column: 'title', direction: 'desc' }))).toEqual(['1', '3', '4', '2']);
  });

  it('folds accents so Émile sorts among the E names, blanks last', () => {
    expect(ids(sortRows(rows, { column: 'authors', direction: 'asc' }))).toEqual(['2', '3', '1', '4']);
  });

  it('keeps missing years and venues last in both directions', () => {
    expect(ids(sortRows(rows, { column: 'year', direction: 'asc' }))).toEqual(['3', '4', '1', '2']);
    expect(ids(sortRows(rows, { column: 'year', direction: 'desc' }))).toEqual(['4', '1', '3', '2']);
    expect(ids(sortRows(rows, { column: 'venue', direction: 'desc' }))).toEqual(['4', '2', '3', '1']);
  });

  it('does not mutate its input', () => {
    const copy = rows.slice();
    sortRows(rows, { column: 'year', direction: 'asc' });
    expect(rows).toEqual(copy);
  });
});

describe('updateSorted', () => {
  it('gives the same order as a full sort after replacing and adding rows', () => {
    const sort = { column: 'year', direction: 'desc' } as const;
    const base = Array.from({ length: 200 }, (_, i) => row(`r${String(i).padStart(3, '0')}`, { year: 1900 + ((i * 37) % 120), title: `t${i % 17}` }));
    const sorted = sortRows(base, sort);
    const changed = [row('r005', { year: 2050, title: 'new' }), row('r100', { year: null }), row('x1', { year: 1950, title: 'a' })];
    const removed = new Set(['r005', 'r100', 'r150']);
    const expected = sortRows([...base.filter((r) => !removed.has(r.id)), ...changed], sort);
    expect(ids(updateSorted(sorted, removed, changed, sort))).toEqual(ids(expected));
  });
});

describe('sortRows agrees with rowComparator', () => {
  it('for every column and direction, with ties, blanks and nulls', () => {
    const titles = ['Zeta', 'alpha', 'Älpha', '', '{BERT}', 'beta'];
    const many = Array.from({ length: 120 }, (_, i) => row(`id${(i * 37) % 120}`, {
      title: titles[i % titles.length] as string,
      authors: i % 4 === 0 ? '' : `Au${i % 5}`,
      year: i % 6 === 0 ? null : 2000 + (i % 3),
      venue: i % 3 === 0 ? '' : `V${i % 4}`,
      addedAt: `2026-01-0${1 + (i % 3)}`,
    }));
    for (const column of ['title', 'authors', 'year', 'venue', 'key', 'addedAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { column, direction };
        expect(ids(sortRows(many, sort))).toEqual(ids(many.slice().sort(rowComparator(sort))));
      }
    }
  });
});
