import { describe, it, expect } from 'vitest';
import { parseView, rowsInView, viewKey } from './view.ts';
import { testRow } from './test-rows.ts';

const rows = [
  testRow('a', { collections: ['c1'], tags: ['ml'] }),
  testRow('b'),
  testRow('c', { trashed: true, collections: ['c1'], tags: ['ml'] }),
  testRow('d', { collections: ['c2'] }),
];
const ids = (view: string) => rowsInView(rows, parseView(view)).map((r) => r.id);

describe('views', () => {
  it('round-trips every view through its persisted string', () => {
    for (const v of ['all', 'unfiled', 'trash', 'collection:c1', 'tag:deep learning', 'saved:To read: tag:x']) expect(viewKey(parseView(v))).toBe(v);
  });
  it('reads a saved search view by its whole name, colons included', () => {
    expect(parseView('saved:To read: tag:x')).toEqual({ kind: 'saved', name: 'To read: tag:x' });
    expect(parseView('saved:')).toEqual({ kind: 'all' });
  });
  it('falls back to all items for unknown or empty views', () => {
    expect(parseView('bogus')).toEqual({ kind: 'all' });
    expect(parseView('collection:')).toEqual({ kind: 'all' });
  });
  it('keeps trashed items out of every view but the trash', () => {
    expect(ids('all')).toEqual(['a', 'b', 'd']);
    expect(ids('unfiled')).toEqual(['b']);
    expect(ids('collection:c1')).toEqual(['a']);
    expect(ids('tag:ml')).toEqual(['a']);
    expect(ids('trash')).toEqual(['c']);
  });
});
