import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/fixtures/bib/synthetic-bib.ts';
import { decodeLatex } from './latex-decode.ts';
import { encodeLatexText, encodeTitle } from './latex-encode.ts';

describe('encodeLatexText', () => {
  it('escapes what TeX or the .bib syntax would read as markup', () => {
    expect(encodeLatexText('R&D 50% $5 a_b #1')).toBe('R\\&D 50\\% \\$5 a\\_b \\#1');
    expect(encodeLatexText('{x} ~ ^ \\ end')).toBe('\\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end');
    expect(encodeLatexText('J.\u00a0Chem.')).toBe('J.~Chem.');
    expect(encodeLatexText("a--b ``c'' `d")).toBe("a-{}-b \\textasciigrave{}\\textasciigrave{}c'{}' \\textasciigrave{}d");
  });

  it('keeps Unicode as it is', () => {
    expect(encodeLatexText('Достоевский 山田 Παπαδόπουλος Ærø – naïve')).toBe('Достоевский 山田 Παπαδόπουλος Ærø – naïve');
  });

  it('passes math and LaTeX commands through, since decodeLatex keeps them as TeX', () => {
    expect(encodeLatexText('The $\\alpha$-helix and $x^2$')).toBe('The $\\alpha$-helix and $x^2$');
    expect(encodeLatexText('See \\mkbibacro{NASA}')).toBe('See \\mkbibacro{NASA}');
    expect(encodeLatexText('costs $5 and $10')).toBe('costs \\$5 and \\$10');
    expect(encodeLatexText('\\broken{arg')).toBe('\\textbackslash{}broken\\textbraceleft{}arg');
  });

  it('round-trips any text through decodeLatex', () => {
    const random = seededRandom(42);
    const alphabet = [...'aZ 09&%$_#{}~^\\.,:;-\'"`éÆ山Д\u00a0'];
    for (let n = 0; n < 500; n++) {
      let text = '';
      const len = 1 + Math.floor(random() * 20);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      // The decoder collapses blanks, as TeX does; text from the UI has none to collapse.
      const clean = text.replace(/\s+/g, ' ').trim();
      const back = decodeLatex(encodeLatexText(clean));
      if (!/[$\\]/.test(clean)) expect(back, JSON.stringify(clean)).toBe(clean);
    }
  });
});

describe('encodeTitle', () => {
  it('protects acronyms and inner capitals in any title', () => {
    expect(encodeTitle('Attention Is All You Need')).toBe('Attention Is All You Need');
    expect(encodeTitle('BERT and LaTeX on an iPhone')).toBe('{BERT} and {LaTeX} on an {iPhone}');
  });

  it('protects proper nouns in a sentence-case title, not the first word', () => {
    expect(encodeTitle('Deep learning of protein folding in Germany and France')).toBe('Deep learning of protein folding in {Germany} and {France}');
  });

  it('escapes and keeps math whole', () => {
    expect(encodeTitle('The $\\alpha + \\beta$ effect on R&D')).toBe('The $\\alpha + \\beta$ effect on {R\\&D}');
  });
});
