import { describe, expect, it } from 'vitest';
import { decodeLatex, decodeVerbatim } from './latex-decode.ts';

describe('decodeLatex', () => {
  const table: Array<[string, string]> = [
    // accents, in every spelling people use
    ['M\\"uller', 'Müller'],
    ['{\\"o}', 'ö'],
    ["\\'{e}", 'é'],
    ["\\'e", 'é'],
    ['\\`a', 'à'],
    ['\\^o', 'ô'],
    ['\\~n', 'ñ'],
    ['\\=a', 'ā'],
    ['\\.z', 'ż'],
    ['\\c{c}', 'ç'],
    ['\\c c', 'ç'],
    ['{\\c{C}}etinkaya', 'Çetinkaya'],
    ['\\v{s}', 'š'],
    ['\\v s', 'š'],
    ['\\u{g}', 'ğ'],
    ['\\H{o}', 'ő'],
    ['\\k{a}', 'ą'],
    ['\\r{u}', 'ů'],
    ['\\d{s}', 'ṣ'],
    ['\\"{\\i}', 'ï'],
    ['\\"\\i', 'ï'],
    ["\\'\\i", 'í'],
    ['\\^{}', '^'],
    // special letters
    ['Stra\\ss e', 'Straße'],
    ['Stra{\\ss}e', 'Straße'],
    ['\\ss{}', 'ß'],
    ['{\\o}re', 'øre'],
    ['\\O', 'Ø'],
    ['\\aa', 'å'],
    ['{\\AA}ngstr\\"om', 'Ångström'],
    ['\\AA ngstr\\"om', 'Ångström'],
    ['\\ae\\AE', 'æÆ'],
    ['{\\oe}uvre \\OE', 'œuvre Œ'],
    ['{\\l}\\L', 'łŁ'],
    ['\\i\\j', 'ıȷ'],
    // escapes
    ['Profit \\& Loss', 'Profit & Loss'],
    ['50\\%', '50%'],
    ['\\$100', '$100'],
    ['a\\_b', 'a_b'],
    ['\\#1', '#1'],
    ['\\{x\\}', '{x}'],
    // dashes, quotes, spaces
    ['1--10', '1–10'],
    ['a---b', 'a—b'],
    ['a-b', 'a-b'],
    ['J.~Chem.', 'J.\u00a0Chem.'],
    ["``quoted''", '“quoted”'],
    ["it's", "it's"],
    ['\\textendash{} and \\textemdash', '– and —'],
    ['a\\,b', 'a\u202fb'],
    ['a\\ b', 'a b'],
    ['hy\\-phen', 'hyphen'],
    // text commands
    ['\\emph{x} \\textit{y} \\textbf{z} \\textsc{w}', 'x y z w'],
    ['{\\em emphasised} {\\bf bold}', 'emphasised bold'],
    ['\\enquote{x}', '“x”'],
    ['\\enquote*{x}', '‘x’'],
    ['\\mkbibquote{x}', '“x”'],
    ['\\url{https://x.org/a_b}', 'https://x.org/a_b'],
    ['see \\url{https://x.org/~u/a--b}', 'see https://x.org/~u/a--b'],
    ['\\href{https://x.org}{the site}', 'the site'],
    ['{\\noopsort{a}}The Book', 'The Book'],
    ['\\TeX{}book', 'TeXbook'],
    ['baez\\slash article', 'baez/article'],
    // case-protecting braces
    ['{T}he {DNA} of {\\LaTeX}', 'The DNA of LaTeX'],
    // math stays TeX
    ['The $\\alpha$-helix', 'The $\\alpha$-helix'],
    ['$E = mc^2$ and $$x_1$$', '$E = mc^2$ and $$x_1$$'],
    ['\\(a+b\\) done', '\\(a+b\\) done'],
    ['cost \\$5 and $x$', 'cost $5 and $x$'],
    // unknown macros are kept verbatim, arguments included
    ['\\mkbibacro{NASA} rules', '\\mkbibacro{NASA} rules'],
    ['\\weird{a}{b} c', '\\weird{a}{b} c'],
    ['\\foo bar', '\\foo bar'],
    // whitespace
    ['  two\n   lines\tand  tabs ', 'two lines and tabs'],
    // Unicode passes through untouched
    ['Достоевский 山田 Παπαδόπουλος', 'Достоевский 山田 Παπαδόπουλος'],
    ['e\u0301 decomposed stays', 'e\u0301 decomposed stays'],
  ];
  it.each(table)('%j -> %j', (input, expected) => {
    expect(decodeLatex(input)).toBe(expected);
  });

  it('never fails on broken LaTeX', () => {
    for (const s of ['\\', '{', '}', '\\"', '\\c', '$unclosed', '\\enquote{', '{\\"o', '\\(x', '\\href{a}']) {
      expect(() => decodeLatex(s)).not.toThrow();
    }
    expect(decodeLatex('{{a}')).toBe('a');
  });
});

describe('decodeVerbatim', () => {
  it('keeps URLs and DOIs as they are, minus escapes meant for bibtex styles', () => {
    expect(decodeVerbatim('10.1000/a--b_c')).toBe('10.1000/a--b_c');
    expect(decodeVerbatim('https://x.org/a\\_b\\%20')).toBe('https://x.org/a_b%20');
    expect(decodeVerbatim('\\url{https://x.org/~u}')).toBe('https://x.org/~u');
  });
});
