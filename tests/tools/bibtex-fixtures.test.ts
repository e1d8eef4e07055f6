import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../shared/formats/bibtex/index.ts';

/** What Folio reads from its own torture-test fixtures (no TeX tools needed). */

const FIXTURES = join(import.meta.dirname, '../fixtures/bib');
const load = (name: string) => parseBibtex(readFileSync(join(FIXTURES, name), 'utf8'), name);

describe('folio-nasty.bib', () => {
  const r = load('folio-nasty.bib');
  const csl = (key: string) => r.entries.find((e) => e.source.key === key)?.csl;

  it('imports every entry but the broken one and the repeated key, with their lines', () => {
    expect(r.issues.map((i) => [i.key, i.line])).toEqual([['latin1', 58], ['broken', 124]]);
    expect(r.warnings.map((w) => w.key)).toEqual(['specials:title']);
    expect(r.entries.map((e) => e.source.key)).toEqual([
      'vaswani:2017/attention-is.all', 'paren:entry', 'latin1', 'specials:title', 'child:one', 'child:two', 'parent:book',
      'xd:pub', 'uses:xdata', 'enquote:star', 'accents', 'math:thesis', 'ms-thesis', 'tech.report', 'key.with.dots',
      'draft-2024', 'manual:one', 'no:author:no:year', 'noopsort',
    ]);
    expect(r.preambles).toHaveLength(1);
    expect(Object.keys(r.strings)).toEqual(['ieee', 'trans', 'tpami', 'mit']);
  });

  it('decodes what each entry tests', () => {
    expect(csl('vaswani:2017/attention-is.all')).toMatchObject({
      'container-title': 'IEEE Transactions on Pattern Analysis and Machine Intelligence',
      issued: { 'date-parts': [[2017, 6]] },
      DOI: '10.1000/a_b--c',
    });
    expect(csl('paren:entry')).toMatchObject({
      title: 'The Ångström effect in “quoted” text "with quotes"',
      publisher: 'IEEE Press',
      issued: { 'date-parts': [[2004, 2, 1]] },
    });
    expect(csl('latin1')?.title).toBe('Cien años de soledad — Ærø, Øresund, Straße, façade, naïve, ¿qué?');
    expect(csl('specials:title')?.title).toBe('Profit & Loss: 50% of $100 _under_ the #1 rule');
    expect(csl('specials:title')?.author).toEqual([{ literal: 'Barnes and Noble' }, { literal: 'World Health Organization' }]);
    expect(csl('enquote:star')?.title).toBe('The ‘so-called’ effect and “others”');
    expect(csl('enquote:star')?.note).toBe('An unknown macro stays: \\mkbibacro{NASA}');
    expect(csl('accents')?.title).toBe('Straße, øre, Æsir, œuvre, łódź, naïve, ıȷ, å');
    expect(csl('accents')?.author?.map((a) => a.family)).toEqual(['Škoda', 'Erdős', 'Dżwig', 'Peña', 'Çelik', 'Haůek', 'Ôte']);
    expect(csl('math:thesis')).toMatchObject({ type: 'thesis', title: 'The $\\alpha$-helix and $E=mc^2$ in DNA', issued: { 'date-parts': [[1938, 7]] } });
    expect(csl('child:one')).toMatchObject({ 'container-title': 'The Collected Volume', publisher: 'MIT Press', issued: { 'date-parts': [[2015]] } });
    expect(csl('uses:xdata')).toMatchObject({ publisher: 'Springer', issued: { 'date-parts': [[2018, 5]] } });
    expect(csl('key.with.dots')).toMatchObject({ type: 'webpage', URL: 'https://example.org/~user/a_b%20c#frag', accessed: { 'date-parts': [[2021, 3, 1]] } });
    expect(csl('noopsort')?.title).toBe('The TeXbook');
  });
});

describe('folio-unicode.bib', () => {
  it('passes Cyrillic, CJK and Greek through untouched', () => {
    const r = load('folio-unicode.bib');
    expect(r.issues).toEqual([]);
    expect(r.entries.map((e) => e.csl.author?.[0]?.family)).toEqual(['Достоевский', '山田', 'Παπαδόπουλος']);
    expect(r.entries.map((e) => e.csl.title)).toEqual([
      'Преступление и наказание',
      '機械学習入門 & 深層学習: 50% $100 #1 _x',
      'Η θεωρία των αριθμών και η Ελλάδα',
    ]);
  });
});
