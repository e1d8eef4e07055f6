import { describe, expect, it } from 'vitest';
import { highlightPieces, highlightRanges } from './highlight.ts';

const marked = (text: string, terms: string[]): string[] => highlightRanges(text, terms).map((r) => text.slice(r.start, r.end));

describe('highlightRanges', () => {
  it('marks a term at the start of words, case-blind', () => {
    expect(marked('Attention Is All You Need', ['attention'])).toEqual(['Attention']);
    expect(highlightRanges('Attention Is All You Need', ['attention'])).toEqual([{ start: 0, end: 9 }]);
  });

  it('is accent-blind in both directions', () => {
    expect(marked('Bernhard Schölkopf', ['scholkopf'])).toEqual(['Schölkopf']);
    expect(marked('Bernhard Scholkopf', ['schölkopf'])).toEqual(['Scholkopf']);
    // Decomposed input (o + combining diaeresis) is marked with its mark.
    expect(marked('Scho\u0308lkopf', ['scholkopf'])).toEqual(['Scho\u0308lkopf']);
  });

  it('maps offsets through letters that fold to two (ß -> ss)', () => {
    expect(marked('Die Straße von Gauß', ['gauss'])).toEqual(['Gauß']);
    expect(marked('Die Straße von Gauß', ['strasse'])).toEqual(['Straße']);
  });

  it('marks the beginning of a longer word, never the middle of one', () => {
    expect(marked('Transformers and transformation', ['transform'])).toEqual(['Transform', 'transform']);
    expect(marked('Retransform', ['transform'])).toEqual([]);
  });

  it('marks fuzzy expansions: the index terms a typo matched', () => {
    // "tranformer" expanded to "transformer" by the index: the window is given the index term.
    expect(marked('The Transformer architecture', ['transformer', 'architectur'])).toEqual(['Transformer', 'architectur']);
  });

  it('marks CJK pieces anywhere in a run, and Cyrillic words', () => {
    expect(marked('深度学习的注意力机制', ['注意'])).toEqual(['注意']);
    expect(marked('Глубокое обучение', ['обучение'])).toEqual(['обучение']);
    expect(marked('ГЛУБОКОЕ обучение', ['глубокое'])).toEqual(['ГЛУБОКОЕ']);
  });

  it('merges overlapping and adjacent matches and sorts them', () => {
    expect(highlightRanges('flat minima flat', ['flat', 'fla', 'minima'])).toEqual([
      { start: 0, end: 4 }, { start: 5, end: 11 }, { start: 12, end: 16 },
    ]);
  });

  it('answers nothing for empty text or terms, and never matches an empty term', () => {
    expect(highlightRanges('', ['a'])).toEqual([]);
    expect(highlightRanges('abc', [])).toEqual([]);
    expect(highlightRanges('abc', [''])).toEqual([]);
  });

  it('treats markup in the text as text: offsets, not HTML', () => {
    const text = '<img src=x onerror=alert(1)> attention';
    expect(highlightPieces(text, ['attention'])).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: 'attention', marked: true },
    ]);
  });

  it('keeps surrogate pairs whole', () => {
    expect(marked('𝒜 attention 𝒜', ['attention'])).toEqual(['attention']);
  });
});
