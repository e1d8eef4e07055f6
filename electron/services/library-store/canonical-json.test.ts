import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

/** The definition, written the plain way: every object's keys sorted, at every depth. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return reference(withToJson.toJSON());
  if (Array.isArray(value)) {
    return `[${value.map((v: unknown) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : reference(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record).sort()
    .filter((k) => record[k] !== undefined && typeof record[k] !== 'function' && typeof record[k] !== 'symbol')
    .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`);
  return `{${parts.join(',')}}`;
}

/** A small seeded generator, so a failure names a value that can be rebuilt. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const KEYS = ['a', 'b', 'Z', 'title', 'author', '0', '9', '10', '01', '__proto__', 'é', '\u{1F600}', '', 'csl', 'abstract'];

function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 9));
  switch (pick) {
    case 0: return null;
    case 1: return next() < 0.5;
    case 2: return Math.floor(next() * 2000) - 1000;
    case 3: return ['x', 'Łukasiewicz', 'a"b\\c', '\n', ''][Math.floor(next() * 5)];
    case 4: return next() < 0.5 ? undefined : -0;
    case 5:
    case 6: return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    case 7: return new Date(Math.floor(next() * 1e12));
    default: {
      const out: Record<string, unknown> = {};
      const n = Math.floor(next() * 6);
      for (let i = 0; i < n; i++) {
        const key = KEYS[Math.floor(next() * KEYS.length)] as string;
        Object.defineProperty(out, key, { value: value(next, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

describe('canonicalJson', () => {
  it('gives the text of the definition for 5,000 generated values (index keys, __proto__, undefined, toJSON)', () => {
    const next = random(7);
    for (let i = 0; i < 5000; i++) {
      const v = value(next, 0);
      expect(canonicalJson(v), `value ${i}`).toBe(reference(v));
    }
  });

  it('sorts keys at every depth and leaves its input as it was', () => {
    const input = { b: 1, a: { d: [{ y: 1, x: 2 }], c: null }, '10': true, '9': false };
    const before = JSON.stringify(input);
    expect(canonicalJson(input)).toBe('{"10":true,"9":false,"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}');
    expect(JSON.stringify(input)).toBe(before);
  });

  it('keeps a "__proto__" key as a key', () => {
    const input = JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}') as unknown;
    expect(canonicalJson(input)).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });
});
