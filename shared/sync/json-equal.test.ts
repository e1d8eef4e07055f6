import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonEqual, type JsonValue } from './operations.ts';

/** A small seeded generator, so a failure names a pair that can be rebuilt. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const KEYS = ['a', 'b', 'title', 'author', '0', '10', '__proto__', 'é', '', 'csl'];
const SCALARS: Array<JsonValue | undefined> = [null, true, false, 0, -0, 1, 1.5, Number.NaN, '', 'x', '0', 'null', 'Łukasiewicz', undefined];

type Value = JsonValue | undefined;

function value(next: () => number, depth: number): Value {
  const pick = Math.floor(next() * (depth > 3 ? 2 : 4));
  if (pick < 2) return SCALARS[Math.floor(next() * SCALARS.length)];
  if (pick === 2) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1)) as JsonValue[];
  const out: Record<string, Value> = {};
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) {
    Object.defineProperty(out, KEYS[Math.floor(next() * KEYS.length)] as string, { value: value(next, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out as JsonValue;
}

/** The same value with every object's keys in another order, or with one small change somewhere. */
function variant(next: () => number, v: Value, depth: number): Value {
  if (v === null || typeof v !== 'object') return next() < 0.15 ? value(next, depth) : v;
  if (Array.isArray(v)) {
    const copy = v.map((x) => variant(next, x, depth + 1));
    if (next() < 0.1) copy.push(null);
    return copy as JsonValue[];
  }
  const keys = Object.keys(v).reverse();
  const out: Record<string, Value> = {};
  for (const key of keys) {
    if (next() < 0.05) continue;
    Object.defineProperty(out, key, { value: variant(next, v[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  if (next() < 0.05) out[KEYS[Math.floor(next() * KEYS.length)] as string] = undefined;
  return out as JsonValue;
}

describe('jsonEqual', () => {
  it('agrees with comparing canonical texts on 20,000 generated pairs (reordered keys, small changes, undefined, -0, NaN)', () => {
    const next = random(11);
    let equal = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = value(next, 0);
      const b = next() < 0.8 ? variant(next, a, 0) : value(next, 0);
      const expected = canonicalJson(a) === canonicalJson(b);
      if (expected) equal++;
      expect(jsonEqual(a, b), `pair ${i}: ${canonicalJson(a)} / ${canonicalJson(b)}`).toBe(expected);
      expect(jsonEqual(b, a), `pair ${i} reversed`).toBe(expected);
    }
    // Both answers occur often, so the agreement means something.
    expect(equal).toBeGreaterThan(4000);
    expect(20_000 - equal).toBeGreaterThan(4000);
  });

  it('tells a missing key from one that holds undefined, and an array hole from null, as the texts do', () => {
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined } as unknown as JsonValue)).toBe(false);
    expect(jsonEqual([undefined] as unknown as JsonValue, [null])).toBe(false);
    expect(jsonEqual({ b: [1, { c: 'x' }], a: null }, { a: null, b: [1, { c: 'x' }] })).toBe(true);
  });
});
