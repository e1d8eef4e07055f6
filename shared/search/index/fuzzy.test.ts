import { describe, expect, it } from 'vitest';
import { editDistanceWithin, typoBudget } from './fuzzy.ts';
import { normalizeText, termsOf } from './tokenize.ts';

describe('editDistanceWithin', () => {
  it.each([
    ['attention', 'atention', 1, true],
    ['transformer', 'tranformer', 1, true],
    ['transformer', 'transfromer', 1, true],
    ['scholkopf', 'schoelkopf', 1, true],
    ['keskar', 'kesakr', 1, true],
    ['minima', 'maxima', 1, false],
    ['minima', 'maxima', 2, true],
    ['abc', 'abcdef', 2, false],
    ['same', 'same', 0, true],
  ])('%s ~ %s within %i: %s', (a, b, max, want) => {
    expect(editDistanceWithin(a, b, max)).toBe(want);
  });

  it('budgets typos by word length', () => {
    expect([typoBudget('gan'), typoBudget('flat'), typoBudget('attention')]).toEqual([0, 1, 2]);
  });
});

describe('terms', () => {
  it('folds accents and splits on punctuation', () => {
    expect(termsOf('Schölkopf, B. — Self-Attention!')).toEqual(['scholkopf', 'b', 'self', 'attention']);
    expect(normalizeText('  Self-Attention:  a   study ')).toBe('self attention a study');
  });

  it('cuts CJK runs into overlapping pairs and keeps Cyrillic words whole', () => {
    expect(termsOf('機械学習の基礎')).toEqual(['機械', '械学', '学習', '習の', 'の基', '基礎']);
    expect(termsOf('Трансформеры и внимание')).toEqual(['трансформеры', 'и', 'внимание']);
    expect(termsOf('GPT機械')).toEqual(['gpt', '機械']);
  });
});
