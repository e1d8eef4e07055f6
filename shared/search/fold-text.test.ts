import { describe, expect, it } from 'vitest';
import { foldText, queryTerms } from './fold-text.ts';

/** The definition: lowercase, NFD, strip combining marks, then the letters NFD leaves alone. */
function reference(text: string): string {
  const map: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ßæœøłđðþı]/g, (c) => map[c] ?? c);
}

describe('foldText', () => {
  it('folds accents and special letters', () => {
    expect(foldText('Gödel, Escher, Bach')).toBe('godel, escher, bach');
    expect(foldText('Łukasiewicz Østergaard Straße Æsop')).toBe('lukasiewicz ostergaard strasse aesop');
    expect(foldText('Nguyễn Dvořák Ångström')).toBe('nguyen dvorak angstrom');
  });

  it('agrees with whole-string NFD folding on mixed scripts', () => {
    const samples = [
      'Schölkopf', 'García-Martínez', 'Ἀριστοτέλης', 'Достоевский Ёлка', '山田 太郎', 'Ça va? Über 🚀 emoji',
      'e\u0301 combining', 'İstanbul', 'ﬁnance ligature', 'Þórr Ðoe ıi', 'plain ascii',
    ];
    for (const s of samples) expect(foldText(s)).toBe(reference(s));
  });

  it('splits queries into folded terms', () => {
    expect(queryTerms('  Gödel   NEURAL ')).toEqual(['godel', 'neural']);
  });
});
