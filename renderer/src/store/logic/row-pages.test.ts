import { describe, it, expect } from 'vitest';
import type { ItemRow } from '../../../../shared/model/item.ts';
import { MAX_PAGES, mergePages, missingRuns, PAGE_SIZE, pageSpan, patchPages, rowAt, toPages } from './row-pages.ts';
import { testRow } from './test-rows.ts';

const rows = Array.from({ length: 250 }, (_, i) => testRow(`r${i}`));

describe('row pages', () => {
  it('splits an answer into pages and finds rows by position', () => {
    const pages = toPages(2, rows);
    expect([...pages.keys()]).toEqual([2, 3, 4]);
    expect(rowAt(pages, 2 * PAGE_SIZE + 5)?.id).toBe('r5');
    expect(rowAt(pages, 4 * PAGE_SIZE + 49)?.id).toBe('r249');
    expect(rowAt(pages, 0)).toBeUndefined();
  });
  it('covers a range with pages, clamped to the table', () => {
    expect(pageSpan(-50, 130, 1000)).toEqual([0, 1]);
    expect(pageSpan(950, 1300, 1000)).toEqual([9, 9]);
    expect(pageSpan(0, 10, 0)).toBeNull();
  });
  it('asks for each missing run once', () => {
    const pages = toPages(0, rows.slice(0, 100));
    expect(missingRuns(pages, new Set([3]), 0, 6)).toEqual([[1, 2], [4, 6]]);
  });
  it('keeps at most MAX_PAGES pages, dropping the farthest', () => {
    let pages = toPages(0, rows.slice(0, 100)) as ReadonlyMap<number, readonly ItemRow[]>;
    for (let p = 1; p <= MAX_PAGES + 5; p++) pages = mergePages(pages, toPages(p, rows.slice(0, 100)), MAX_PAGES + 5);
    expect(pages.size).toBe(MAX_PAGES);
    expect(pages.has(0)).toBe(false);
    expect(pages.has(MAX_PAGES + 5)).toBe(true);
  });
  it('applies changed rows in place, and says when the order may change', () => {
    const pages = toPages(0, rows.slice(0, 100));
    const read = { ...rows[3] as ItemRow, read: 'read' as const, modifiedAt: '2025-01-01T00:00:00.000Z' };
    const quiet = patchPages(pages, [read], []);
    expect(rowAt(quiet.pages, 3)).toBe(read);
    expect(quiet.orderMayChange).toBe(false);
    const retitled = { ...read, title: 'Another title' };
    expect(patchPages(pages, [retitled], []).orderMayChange).toBe(true);
    expect(patchPages(pages, [testRow('new')], []).orderMayChange).toBe(true);
    expect(patchPages(pages, [], [rows[0]?.id as ItemRow['id']]).orderMayChange).toBe(true);
  });
  it('keeps a newer cached row over an older answer', () => {
    const newer = { ...rows[3] as ItemRow, modifiedAt: '2025-01-02T00:00:00.000Z' };
    const pages = toPages(0, [...rows.slice(0, 3), newer]);
    const older = { ...rows[3] as ItemRow, read: 'read' as const, modifiedAt: '2025-01-01T00:00:00.000Z' };
    expect(rowAt(patchPages(pages, [older], []).pages, 3)).toBe(newer);
  });
});
