import { describe, expect, it } from 'vitest';
import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import { countRows } from './library-counts.ts';
import { rowsInView, parseView } from './library-view.ts';
import { createQuickFilter } from './quick-filter.ts';
import { sortRows, type RowSort } from './row-sort.ts';
import { columnSort, ViewEngine, type ViewQuery } from './view-engine.ts';

function row(n: number, over: Partial<ItemRow> = {}): ItemRow {
  return {
    id: `i${String(n).padStart(4, '0')}` as ItemId,
    key: `key${n}`,
    type: 'article-journal',
    title: `Title ${(n * 7919) % 97} é${n % 5}`,
    authors: ['Schölkopf', 'Vaswani', 'García', ''][n % 4] as string,
    year: n % 9 === 0 ? null : 1990 + (n % 30),
    venue: n % 3 === 0 ? '' : `Venue ${n % 11}`,
    addedAt: `2024-01-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
    modifiedAt: '2024-02-01T00:00:00.000Z',
    tags: n % 4 === 0 ? ['ml'] : n % 6 === 0 ? ['ml', 'gnn'] : [],
    collections: n % 5 === 0 ? [] : ['c1' as ItemRow['collections'][number]],
    read: 'unread',
    flagged: false,
    trashed: n % 13 === 0,
    hasNote: false,
    hasPdf: false,
    annotationCount: 0,
    ...over,
  };
}

/** The reference: what the window used to compute on its own, from every row. */
function reference(rows: readonly ItemRow[], query: ViewQuery): ItemRow[] {
  const inView = rowsInView(sortRows(rows, columnSort(query.sort)), parseView(query.view));
  return createQuickFilter(inView).filter(query.filter);
}

const SORTS: RowSort[] = [
  { column: 'title', direction: 'asc' }, { column: 'year', direction: 'desc' }, { column: 'authors', direction: 'asc' },
  { column: 'venue', direction: 'desc' }, { column: 'addedAt', direction: 'desc' }, { column: 'key', direction: 'asc' },
];
const VIEWS = ['all', 'unfiled', 'trash', 'collection:c1', 'tag:ml'];
const FILTERS = ['', 'sch', 'schol', 'title 1', 'e1', '2001', 'zzz'];

describe('ViewEngine', () => {
  const base = Array.from({ length: 300 }, (_, i) => row(i + 1));

  it('answers every view, sort and filter exactly as a full filter and sort of every row would', () => {
    const engine = new ViewEngine(base);
    for (const view of VIEWS) for (const sort of SORTS) for (const filter of FILTERS) {
      const query = { view, sort, filter };
      const result = engine.query(query);
      const expected = reference(base, query);
      expect(result.total).toBe(expected.length);
      expect(result.ids(0, result.total)).toEqual(expected.map((r) => r.id));
      expect(result.inViewCount).toBe(rowsInView(base, parseView(view)).length);
    }
  });

  it('keeps every order, the counts and the answers right through edits, additions and removals', () => {
    const engine = new ViewEngine(base);
    let rows = base.slice();
    // Compute the orders first so the edits go through the incremental path.
    for (const sort of SORTS) engine.query({ view: 'all', sort, filter: '' });
    const edits: [ItemRow[], ItemId[]][] = [
      [[row(5, { title: 'Aardvark first' }), row(1000, { title: 'A new one' })], []],
      [[], [row(7).id, row(8).id]],
      [[row(20, { trashed: true }), row(26, { trashed: false, tags: ['new'] })], []],
      [Array.from({ length: 250 }, (_, i) => row(2000 + i)), []],
    ];
    for (const [put, removed] of edits) {
      const before = engine.revision;
      engine.apply(put, removed);
      expect(engine.revision).toBeGreaterThan(before);
      const gone = new Set<string>([...removed, ...put.map((r) => r.id)]);
      rows = [...rows.filter((r) => !gone.has(r.id)), ...put];
      expect(engine.counts()).toEqual(countRows(rows));
      for (const view of VIEWS) for (const sort of SORTS) for (const filter of ['', 'a', 'title']) {
        const query = { view, sort, filter };
        expect(engine.query(query).ids(0, 10_000)).toEqual(reference(rows, query).map((r) => r.id));
      }
    }
  });

  it('narrows while typing and widens again when a letter is deleted', () => {
    const engine = new ViewEngine(base);
    const sort: RowSort = { column: 'title', direction: 'asc' };
    for (const filter of ['s', 'sc', 'sch', 'sc', 'gar', 'ga', '']) {
      expect(engine.query({ view: 'all', sort, filter }).ids(0, 1000)).toEqual(reference(base, { view: 'all', sort, filter }).map((r) => r.id));
    }
  });

  it('hands out ranges, ids and positions of one answer, clamped to its length', () => {
    const engine = new ViewEngine(base);
    const result = engine.query({ view: 'all', sort: { column: 'key', direction: 'asc' }, filter: '' });
    const all = result.ids(0, result.total);
    expect(result.rows(10, 5).map((r) => r.id)).toEqual(all.slice(10, 15));
    expect(result.rows(result.total - 2, 50)).toHaveLength(2);
    expect(result.rows(-5, 8).map((r) => r.id)).toEqual(all.slice(0, 3));
    expect(result.rows(result.total + 10, 5)).toEqual([]);
    expect(result.indexOf(all[42] as ItemId)).toBe(42);
    expect(result.indexOf(row(13).id)).toBe(-1); // trashed: not in 'all'
  });

  it('replaces everything after a bulk change', () => {
    const engine = new ViewEngine(base);
    engine.query({ view: 'all', sort: SORTS[0] as RowSort, filter: '' });
    const next = base.slice(0, 10);
    engine.replaceAll(next);
    expect(engine.size).toBe(10);
    expect(engine.counts()).toEqual(countRows(next));
    expect(engine.query({ view: 'all', sort: SORTS[0] as RowSort, filter: '' }).ids(0, 100)).toEqual(reference(next, { view: 'all', sort: SORTS[0] as RowSort, filter: '' }).map((r) => r.id));
  });

  it('warms the search text in slices until done', () => {
    const engine = new ViewEngine(Array.from({ length: 2000 }, (_, i) => row(i)));
    let calls = 0;
    expect(engine.warm(() => ++calls > 0)).toBe(false);
    expect(engine.warm(() => false)).toBe(true);
  });
});
