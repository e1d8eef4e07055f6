import { describe, expect, it } from 'vitest';
import { CompleteLines } from './complete-lines.ts';

/** Feeds `bytes` in pieces of the given sizes, as reads would hand them over. */
function feed(bytes: Buffer, sizes: () => number): { texts: string[]; rest: string } {
  const lines = new CompleteLines();
  const texts: string[] = [];
  for (let at = 0; at < bytes.length;) {
    const end = Math.min(bytes.length, at + sizes());
    texts.push(...lines.texts(bytes.subarray(at, end)));
    at = end;
  }
  return { texts, rest: lines.rest() };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('CompleteLines', () => {
  // Two-, three- and four-byte characters, a line far longer than one decoded piece, empty lines, no final newline.
  const text = ['{"a":"Łukasiewicz €"}', '', `{"long":"${'日本語😀'.repeat(20_000)}"}`, 'x', '\r', `${'é'.repeat(40_000)}`, 'tail without newline 😀'].join('\n');
  const bytes = Buffer.from(text, 'utf8');

  it('gives texts of whole lines that add up to the input, however the bytes are split', () => {
    const next = random(3);
    for (const sizes of [() => 1, () => 7, () => 1 << 15, () => 1 << 20, () => 1 + Math.floor(next() * 70_000)]) {
      const { texts, rest } = feed(bytes, sizes);
      for (const t of texts) expect(t.endsWith('\n')).toBe(true);
      expect(texts.join('') + rest).toBe(text);
      expect(rest).toBe('tail without newline 😀');
    }
  });

  it('gives the lines themselves, without their newlines, however the bytes are split', () => {
    for (const size of [1, 7, 1 << 15, 1 << 20]) {
      const lines = new CompleteLines();
      const got: string[] = [];
      for (let at = 0; at < bytes.length; at += size) got.push(...lines.lines(bytes.subarray(at, at + size)));
      expect(got).toEqual(text.split('\n').slice(0, -1));
      expect(lines.rest()).toBe('tail without newline 😀');
    }
  });

  it('holds the start of an unfinished line as bytes, and nothing once a newline ends it', () => {
    const lines = new CompleteLines();
    expect([...lines.texts(Buffer.from('abc€', 'utf8').subarray(0, 4))]).toEqual([]);
    expect(lines.pendingBytes).toBe(4);
    expect([...lines.texts(Buffer.from([0x82, 0xac, 0x0a]))]).toEqual(['abc€\n']);
    expect(lines.pendingBytes).toBe(0);
    expect(lines.rest()).toBe('');
  });

  it('decodes bad bytes as the whole-file decoding does (U+FFFD), a torn sequence before a newline included', () => {
    const bad = Buffer.from([0x61, 0xe2, 0x82, 0x0a, 0xff, 0x62, 0x0a, 0xf0, 0x9f]);
    const { texts, rest } = feed(bad, () => 2);
    expect(texts.join('') + rest).toBe(bad.toString('utf8'));
  });
});
