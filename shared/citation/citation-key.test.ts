import { describe, expect, it } from 'vitest';
import type { CslItemData } from '../model/csl.ts';
import { asciiFold } from './ascii-fold.ts';
import { generateCitationKey } from './citation-key.ts';
import { DEFAULT_KEY_PATTERN, KeyPatternError, parseKeyPattern, validateKeyPattern } from './key-pattern.ts';
import { keySuffix, uniqueKey } from './unique-key.ts';

const vaswani: CslItemData = {
  type: 'paper-conference',
  title: 'Attention Is All You Need',
  author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'Shazeer', given: 'Noam' }, { family: 'Parmar', given: 'Niki' }],
  issued: { 'date-parts': [[2017, 6]] },
};
const key = (csl: CslItemData, pattern = DEFAULT_KEY_PATTERN) => generateCitationKey(csl, pattern);

describe('generateCitationKey, default pattern', () => {
  it('is auth.lower + year + first significant title word', () => {
    expect(key(vaswani)).toBe('vaswani2017attention');
  });

  it('skips stopwords in the title', () => {
    expect(key({ ...vaswani, title: 'The Art of Computer Programming' })).toBe('vaswani2017art');
    expect(key({ ...vaswani, title: 'On the Origin of Species' })).toBe('vaswani2017origin');
    expect(key({ ...vaswani, title: 'Towards a Theory of Everything' })).toBe('vaswani2017theory');
    expect(key({ ...vaswani, title: "An Author's Guide" })).toBe('vaswani2017authors');
  });

  it('folds accented Latin to ASCII', () => {
    expect(key({ ...vaswani, author: [{ family: 'Müller' }] })).toBe('muller2017attention');
    expect(key({ ...vaswani, author: [{ family: 'Gauß' }] })).toBe('gauss2017attention');
    expect(key({ ...vaswani, author: [{ family: 'Østergaard' }] })).toBe('ostergaard2017attention');
    expect(key({ ...vaswani, author: [{ family: 'Łukasiewicz' }] })).toBe('lukasiewicz2017attention');
    expect(key({ ...vaswani, author: [{ family: 'García Márquez' }] })).toBe('garciamarquez2017attention');
    expect(key({ ...vaswani, title: 'Élan vital' })).toBe('vaswani2017elan');
    expect(asciiFold('Æsir œuvre ð þ ı')).toBe('AEsir oeuvre d th i');
  });

  it('leaves particles out, as Better BibTeX does', () => {
    expect(key({ ...vaswani, author: [{ family: 'Gogh', 'non-dropping-particle': 'van', given: 'Vincent' }] })).toBe('gogh2017attention');
  });

  it('uses editors when there are no authors, and a literal name', () => {
    expect(key({ ...vaswani, author: undefined, editor: [{ family: 'Knuth' }] })).toBe('knuth2017attention');
    expect(key({ ...vaswani, author: [{ literal: 'World Health Organization' }] })).toBe('worldhealthorganization2017attention');
  });

  it('omits what is missing; without an author the key leads with three title words', () => {
    expect(key({ ...vaswani, author: undefined })).toBe('attentionallyou2017');
    expect(key({ ...vaswani, issued: undefined })).toBe('vaswaniattention');
    expect(key({ type: 'document', title: 'Untitled Notes' })).toBe('untitlednotes');
    expect(key({ type: 'article', title: 'OPT-IML: Scaling Language Model Instruction Meta Learning' })).toBe('optimlscaling');
  });

  it('is never empty, and starts with a letter when the names are in other scripts', () => {
    expect(key({ type: 'book', author: [{ family: '山田', given: '太郎' }], title: '機械学習', issued: { 'date-parts': [[2020]] } })).toBe('item2020');
    expect(key({ type: 'book', author: [{ family: 'Достоевский' }], title: 'Crime and Punishment', issued: { 'date-parts': [[1866]] } })).toBe('crimepunishment1866');
    expect(key({ type: 'book', author: [{ family: 'Достоевский' }], title: 'Преступление' })).toBe('item');
    expect(key({ type: 'book' })).toBe('item');
    expect(key({ type: 'book', title: 'Ψ and the Mind', author: [{ family: 'Παπαδόπουλος' }] }, 'auth+year')).toBe('mind');
  });
});

describe('generateCitationKey, other patterns', () => {
  it('supports auth, authors, authors(N), year, shorttitle(N), veryshorttitle, title, literals and modifiers', () => {
    expect(key(vaswani, 'auth+year')).toBe('Vaswani2017');
    expect(key(vaswani, 'authors+year')).toBe('VaswaniShazeerParmar2017');
    expect(key(vaswani, 'authors(2)+year')).toBe('VaswaniShazeerEtAl2017');
    expect(key(vaswani, 'auth.upper + "_" + year')).toBe('VASWANI_2017');
    expect(key(vaswani, "auth.lower+':'+shorttitle(3)")).toBe('vaswani:attentionallyou');
    expect(key(vaswani, 'veryshorttitle+year')).toBe('attention2017');
    expect(key(vaswani, 'title')).toBe('AttentionAllYouNeed');
    expect(key(vaswani, 'shorttitle.capitalize+year')).toBe('Attention2017');
  });

  it('keeps only characters bibtex and biber accept in keys', () => {
    expect(key(vaswani, 'auth+"{bad} key, #%~\\\\"+year')).toBe('Vaswanibadkey2017');
    expect(key(vaswani, 'auth+"-/.:_"+year')).toBe('Vaswani-/.:_2017');
  });

  it('rejects invalid patterns with a message', () => {
    for (const bad of ['', 'auth+', 'author', 'auth.lowercase', 'year(2)', '"open', 'auth++year']) {
      expect(() => parseKeyPattern(bad)).toThrow(KeyPatternError);
      expect(validateKeyPattern(bad)).toEqual(expect.any(String));
    }
    expect(validateKeyPattern(DEFAULT_KEY_PATTERN)).toBeNull();
  });
});

describe('uniqueKey', () => {
  it('suffixes a, b, ..., z, aa, ab ...', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(keySuffix)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
  });

  it('returns the base when free, else the first free suffix, deterministically', () => {
    const taken = new Set(['smith2020', 'smith2020a', 'smith2020c']);
    expect(uniqueKey('jones2020', (k) => taken.has(k))).toBe('jones2020');
    expect(uniqueKey('smith2020', (k) => taken.has(k))).toBe('smith2020b');
    const many = new Set(['x', ...Array.from({ length: 26 }, (_, i) => `x${keySuffix(i + 1)}`)]);
    expect(uniqueKey('x', (k) => many.has(k))).toBe('xaa');
  });
});
