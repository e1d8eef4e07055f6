import { describe, it, expect } from 'vitest';
import { createVisibleRowsPipeline } from './visible-rows.ts';
import { tagCounts } from './tag-counts.ts';
import { viewCounts } from './view-counts.ts';
import { parseView } from './view.ts';
import { testRow } from './test-rows.ts';

const rows = [
  testRow('a', { title: 'Graph networks', tags: ['gnn', 'ml'] }),
  testRow('b', { title: 'Graph theory', trashed: true, tags: ['math'] }),
  testRow('c', { title: 'Language models', tags: ['ml'], collections: ['c1'] }),
];

describe('visible rows pipeline', () => {
  it('applies the view then the quick filter', () => {
    const run = createVisibleRowsPipeline();
    expect(run(rows, parseView('all'), 'graph').visible.map((r) => r.id)).toEqual(['a']);
    expect(run(rows, parseView('trash'), 'graph').visible.map((r) => r.id)).toEqual(['b']);
    const r = run(rows, parseView('collection:c1'), '');
    expect(r.inView.map((x) => x.id)).toEqual(['c']);
  });
  it('follows a new rows array', () => {
    const run = createVisibleRowsPipeline();
    expect(run(rows, parseView('all'), 'theory').visible).toEqual([]);
    const restored = rows.map((r) => (r.id === 'b' ? { ...r, trashed: false } : r));
    expect(run(restored, parseView('all'), 'theory').visible.map((r) => r.id)).toEqual(['b']);
  });
});

describe('tagCounts', () => {
  it('counts tags of items outside the trash', () => {
    expect(tagCounts(rows)).toEqual([{ tag: 'gnn', count: 1 }, { tag: 'ml', count: 2 }]);
  });
});

describe('viewCounts', () => {
  it('counts library, unfiled and trash', () => {
    expect(viewCounts(rows)).toEqual({ all: 2, unfiled: 1, trash: 1 });
  });
});
