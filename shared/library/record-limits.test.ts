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

describe('recordValueProblem on generated values', () => {
  /** The rules written out plainly: what may be in a record, and how values and characters are counted. */
  function allowed(value: unknown, limits: { maxDepth: number; maxNodes: number; maxChars: number }): boolean {
    let nodes = 0;
    let chars = 0;
    const ok = (v: unknown, depth: number): boolean => {
      nodes++;
      if (typeof v === 'string') return (chars += v.length), true;
      if (typeof v === 'number') return Number.isFinite(v);
      if (typeof v === 'boolean' || v === null) return true;
      if (typeof v !== 'object') return false;
      if (depth >= limits.maxDepth) return false;
      if (Array.isArray(v)) return [...v.keys()].every((i) => v[i] !== undefined && ok(v[i], depth + 1));
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.entries(v).every(([key, member]) => ((chars += key.length), member === undefined || ok(member, depth + 1)));
    };
    return ok(value, 0) && nodes <= limits.maxNodes && chars <= limits.maxChars;
  }

  it('accepts exactly what the rules allow, at the edges of every limit, and names the field otherwise', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const limits = { maxDepth: 4, maxNodes: 40, maxChars: 120 };
    const scalars: Array<() => unknown> = [() => 'x'.repeat(rand(30)), () => rand(100), () => rand(2) === 0, () => null, () => undefined, () => Number.NaN, () => 10n, () => new Date(0)];
    const value = (depth: number): unknown => {
      if (depth > 5 || rand(3) === 0) return scalars[rand(scalars.length)]?.();
      if (rand(2) === 0) return Array.from({ length: rand(6) }, () => value(depth + 1));
      const record: Record<string, unknown> = rand(5) === 0 ? (Object.create(null) as Record<string, unknown>) : {};
      for (let i = rand(6); i > 0; i--) record[`k${'y'.repeat(rand(12))}${i}`] = value(depth + 1);
      return record;
    };
    let accepted = 0;
    for (let n = 0; n < 5_000; n++) {
      const v = value(0);
      const problem = recordValueProblem(v, limits);
      expect(problem === null).toBe(allowed(v, limits));
      if (problem === null) accepted++;
      else expect(problem).toMatch(/record|"/);
    }
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4_500);
  });
});
