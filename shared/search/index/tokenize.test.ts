import { describe, expect, it } from 'vitest';
import { normalizeText, termsOf, termsOfNormalized } from './tokenize.ts';

const reference = (text: string) => termsOfNormalized(normalizeText(text));

describe('termsOf', () => {
  it.each([
    'Attention Is All You Need',
    'Schölkopf, Bernhard ; Smola, Alexander J.',
    'Straße, Æsop, Œuvre, Øresund, Łódź, Đorđe, þorn, İstanbul ı',
    '機械学習の基礎 and 学習 mixed with latin2text 東京abc',
    'Трансформеры для перевода — Ελληνικά κείμενα',
    'over-parameterised self-attention: 3.14159 x², 10.48550/arXiv.1706.03762',
    `${'x'.repeat(41)} kept ${'y'.repeat(40)}`,
    'emoji 😀 between𝐀bold and \ud800 lone surrogate',
    '  \n\t\u2029 ',
    'combining e\u0301 and n\u0303 marks',
  ])('cuts %j as the normalised split does', (text) => {
    expect(termsOf(text)).toEqual(reference(text));
  });

  it('appends to a given array', () => {
    const out = ['a'];
    expect(termsOf('b c', out)).toBe(out);
    expect(out).toEqual(['a', 'b', 'c']);
  });
});
