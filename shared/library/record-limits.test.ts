import { describe, expect, it } from 'vitest';
import { recordValueProblem } from './record-limits.ts';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('recordValueProblem', () => {
  it('accepts real CSL-JSON', () => {
    const csl = { type: 'article-journal', title: 'T', author: [{ family: 'Müller', given: 'A' }], issued: { 'date-parts': [[2020, 1, 2]] }, note: undefined };
    expect(recordValueProblem(csl)).toBeNull();
  });

  it('rejects 5,000 (and 1,000,000) levels of nesting without overflowing the stack, naming the field', () => {
    expect(recordValueProblem({ type: 'article', x: nested(5_000) })).toMatch(/^"x\.a\.a.*" is nested more than 32 levels deep$/);
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 1_000_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(recordValueProblem({ x: root })).toMatch(/nested more than 32 levels/);
  });

  it('rejects huge records by characters and by number of values', () => {
    expect(recordValueProblem({ abstract: 'x'.repeat(10 * 1024 * 1024) })).toBeNull();
    expect(recordValueProblem({ abstract: 'x'.repeat(33 * 1024 * 1024) })).toMatch(/"abstract" makes the record longer than/);
    expect(recordValueProblem({ author: Array.from({ length: 600_000 }, () => 1) })).toMatch(/more than 500000 values/);
  });

  it('rejects values JSON cannot hold faithfully', () => {
    expect(recordValueProblem({ rating: Number.NaN })).toMatch(/"rating" is not a finite number/);
    expect(recordValueProblem({ n: 10n })).toMatch(/"n" is a bigint/);
    expect(recordValueProblem({ f: () => 1 })).toMatch(/"f" is a function/);
    expect(recordValueProblem({ d: new Date(0) })).toMatch(/"d" is not plain data \(Date\)/);
    expect(recordValueProblem({ list: [1, undefined] })).toMatch(/"list\[1\]" is empty/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(recordValueProblem(cycle)).toMatch(/nested more than/);
  });
});
