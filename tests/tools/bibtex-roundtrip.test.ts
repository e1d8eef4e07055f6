import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBibtex, parseBibtex } from '../../shared/formats/bibtex/index.ts';
import type { Item } from '../../shared/model/index.ts';
import {
  bblEntryKeys,
  biberErrors,
  bibitemKeys,
  bibtexErrors,
  itemsFrom,
  latex,
  latexErrors,
  makeItem,
  makeWorkDir,
  readIn,
  removeWorkDir,
  requireFontFor,
  requireTexFile,
  requireTool,
  run,
  writeIn,
} from './tex-tools.ts';

/*
 * Round trips through the real tools (Debian texlive). What is compiled with what, and why:
 * - biblatex-examples.bib (92 real-world entries, many biblatex-only types and fields) goes through
 *   biber + biblatex + pdflatex, the toolchain it was written for. Its export also goes through
 *   bibtex + plain, checking only that bibtex reads every entry without an error: plain prints
 *   biblatex-only types as misc, and the document provides the two biblatex text macros it uses.
 * - Our fixture (folio-nasty.bib, pdflatex-safe Latin text) plus edited and hand-made items goes
 *   through both: bibtex-dialect export with bibtex + plain + pdflatex, biblatex-dialect export
 *   with biber + pdflatex.
 * - Cyrillic, CJK and Greek (folio-unicode.bib plus a hand-made item) need a Unicode engine:
 *   xelatex with a font that has all three scripts, through biber and through bibtex.
 * pdflatex runs without T1 fontenc: Debian's texlive-base has no Type 1 EC fonts, and T1 would
 * make METAFONT generate bitmap fonts on every fresh machine.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/bib');

const BIBTEX_DOC = String.raw`\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage{csquotes}
\usepackage{url}
% biblatex defines these; a bibtex document that cites such entries defines them itself.
\providecommand{\mkbibquote}[1]{\enquote{#1}}
\providecommand{\mkbibacro}[1]{#1}
\providecommand{\hyphen}{-}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{export}
\end{document}
`;

const BIBLATEX_DOC = String.raw`\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage{csquotes}
\usepackage[backend=biber]{biblatex}
\addbibresource{export.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
`;

/**
 * xelatex with one font for Latin, Greek and Cyrillic and a CJK font switched in by ucharclasses;
 * every script switches its own family in (not groups, which a CJK run ending inside `{\em ...}`
 * would break; not exits, which spaces and punctuation can skip).
 */
function xelatexDoc(font: string, cjkFont: string, backend: 'biber' | 'bibtex'): string {
  const bib = backend === 'biber'
    ? String.raw`\usepackage[backend=biber]{biblatex}\addbibresource{export.bib}`
    : '';
  const print = backend === 'biber' ? String.raw`\printbibliography` : String.raw`\bibliographystyle{plain}\bibliography{export}`;
  return String.raw`\documentclass{article}
\usepackage{fontspec}
\setmainfont{${font}}
\newfontfamily\cjkfont{${cjkFont}}
\usepackage[Latin, Greek, Cyrillics, CJK]{ucharclasses}
\setTransitionsForLatin{\rmfamily}{}
\setTransitionsForGreek{\rmfamily}{}
\setTransitionsForCyrillics{\rmfamily}{}
\setTransitionsForCJK{\cjkfont}{}
\usepackage{csquotes}
${bib}
\begin{document}
\nocite{*}
${print}
\end{document}
`;
}

interface Compiled {
  bbl: string;
  errors: string[];
  log: string;
}

function compileWithBibtex(bib: string, engine: 'pdflatex' | 'xelatex' = 'pdflatex', doc = BIBTEX_DOC): Compiled {
  const dir = makeWorkDir();
  writeIn(dir, 'export.bib', bib);
  writeIn(dir, 'doc.tex', doc);
  latex(dir, engine, 'doc');
  const bibtex = run(dir, 'bibtex', ['doc']);
  const blg = readIn(dir, 'doc.blg');
  latex(dir, engine, 'doc');
  const log = readIn(dir, 'doc.log');
  const errors = [...bibtexErrors(blg), ...latexErrors(log)];
  if (bibtex.status !== 0 && errors.length === 0) errors.push(`bibtex exited ${bibtex.status}: ${bibtex.output}`);
  const bbl = readIn(dir, 'doc.bbl');
  removeWorkDir(dir);
  return { bbl, errors, log };
}

function compileWithBiber(bib: string, engine: 'pdflatex' | 'xelatex' = 'pdflatex', doc = BIBLATEX_DOC): Compiled {
  const dir = makeWorkDir();
  writeIn(dir, 'export.bib', bib);
  writeIn(dir, 'doc.tex', doc);
  latex(dir, engine, 'doc');
  const biber = run(dir, 'biber', ['doc']);
  const blg = readIn(dir, 'doc.blg');
  latex(dir, engine, 'doc');
  const log = readIn(dir, 'doc.log');
  const errors = [...biberErrors(blg), ...latexErrors(log)];
  if (biber.status !== 0 && errors.length === 0) errors.push(`biber exited ${biber.status}: ${biber.output}`);
  const bbl = readIn(dir, 'doc.bbl');
  removeWorkDir(dir);
  return { bbl, errors, log };
}

/** Re-parses an export: every item's key is back, and unedited items have their exact source. */
function expectFaithful(exported: string, items: Item[]): void {
  const again = parseBibtex(exported, 'export.bib');
  expect(again.issues).toEqual([]);
  const byKey = new Map(again.entries.map((e) => [e.source.key, e]));
  expect([...byKey.keys()].sort()).toEqual(items.map((i) => i.citationKey).sort());
  for (const item of items) {
    if (!item.source || (item.editedFields?.length ?? 0) > 0) continue;
    const back = byKey.get(item.citationKey);
    expect(back?.source.entryType, item.citationKey).toBe(item.source.entryType);
    expect(back?.source.fields, item.citationKey).toEqual(item.source.fields);
  }
}

/**
 * How the hand-made title's specials must reach the .bbl: escaped, or TeX reads them as markup
 * (a bare % hides the rest of the line without an error). biber turns \textasciigrave{} back
 * into a plain backtick, so that one is checked for bibtex only.
 */
const ESCAPED_SPECIALS = ['Profit \\&', '50\\%', '\\$5', 'a\\_b', '\\#1', '\\textbraceleft', '\\textasciitilde', '\\textasciicircum', '\\textbackslash', 'a-{}-b', '$\\alpha$'];
const HAND_MADE = 'handmade:2025/x-y.z';

/** The part of a .bbl that belongs to one entry (bibtex's \bibitem or biber's \entry). */
function bblEntry(bbl: string, key: string): string {
  const start = Math.max(bbl.indexOf(`\\bibitem{${key}}`), bbl.indexOf(`\\entry{${key}}`));
  if (start < 0) return '';
  const ends = [bbl.indexOf('\\bibitem', start + 1), bbl.indexOf('\\endentry', start), bbl.indexOf('\\end{thebibliography}', start)].filter((i) => i > 0);
  return bbl.slice(start, Math.min(...ends));
}

function fixtureItems(): Item[] {
  const parsed = parseBibtex(readFileSync(join(FIXTURES, 'folio-nasty.bib'), 'utf8'), 'folio-nasty.bib');
  expect(parsed.issues.map((i) => i.key)).toEqual(['latin1', 'broken']);
  const items = itemsFrom(parsed.entries);
  const edit = (key: string, variables: string[], change: (csl: Item['csl']) => void): void => {
    const item = items.find((i) => i.citationKey === key);
    if (!item) throw new Error(`fixture lost ${key}`);
    change(item.csl);
    item.editedFields = variables;
  };
  edit('vaswani:2017/attention-is.all', ['title'], (csl) => {
    csl.title = 'Attention Is (Still) All You Need: R&D at 100% for $0 on a_b #2 {LSTM} in DNA';
  });
  edit('latin1', ['issued', 'publisher-place'], (csl) => {
    csl.issued = { 'date-parts': [[1970, 5, 4]] };
    csl['publisher-place'] = 'Bogotá ~ Cartagena';
  });
  items.push(
    makeItem('hand1', HAND_MADE, {
      type: 'article-journal',
      title: 'Profit & Loss: 50% of $5, a_b, #1, {braces}, ~tilde^caret, back\\ slash, `grave`, a--b, naïve Ærø and $\\alpha$-decay',
      author: [{ family: 'Özil', given: 'Mesut' }, { literal: 'ACME & Sons, Inc.' }, { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }],
      'container-title': 'Journal of Tests & Trials',
      issued: { 'date-parts': [[2025, 3]] },
      page: '1-5',
      DOI: '10.1000/x_y%z',
      note: 'See \\mkbibacro{NASA}',
    }),
    makeItem('hand2', 'untitled', { type: 'document', title: 'A Note Without Author or Year' }),
  );
  return items;
}

describe('BibTeX round trip through bibtex, biber, pdflatex and xelatex', () => {
  let examples = '';
  beforeAll(() => {
    for (const tool of ['kpsewhich', 'pdflatex', 'xelatex', 'bibtex', 'biber', 'fc-list']) requireTool(tool);
    requireTexFile('biblatex.sty', 'texlive-bibtex-extra');
    requireTexFile('csquotes.sty', 'texlive-latex-extra');
    requireTexFile('fontspec.sty', 'texlive-latex-recommended');
    examples = readFileSync(requireTexFile('biblatex-examples.bib', 'texlive-bibtex-extra'), 'utf8');
  });

  it('biblatex-examples.bib: all 92 entries, keys and raw fields survive, and biber + biblatex compile it cleanly', () => {
    const parsed = parseBibtex(examples, 'biblatex-examples.bib');
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries).toHaveLength(92);
    const items = itemsFrom(parsed.entries);
    const { text, warnings } = exportBibtex(items, { dialect: 'biblatex' });
    expect(warnings).toEqual([]);
    expectFaithful(text, items);

    const out = compileWithBiber(text);
    expect(out.errors).toEqual([]);
    const inBbl = bblEntryKeys(out.bbl);
    expect(items.map((i) => i.citationKey).filter((k) => !inBbl.has(k))).toEqual([]);
  });

  it('biblatex-examples.bib: bibtex reads the export without a single error ("Repeated entry", "I was expecting")', () => {
    const items = itemsFrom(parseBibtex(examples, 'biblatex-examples.bib').entries);
    const { text } = exportBibtex(items, { dialect: 'bibtex' });
    const out = compileWithBibtex(text);
    expect(out.errors).toEqual([]);
    expect(bibitemKeys(out.bbl).sort()).toEqual(items.map((i) => i.citationKey).sort());
  });

  it('fixture, bibtex dialect: pdflatex + bibtex (plain) typeset every entry, edited and hand-made ones included', () => {
    const items = fixtureItems();
    const { text, warnings } = exportBibtex(items, { dialect: 'bibtex' });
    expect(warnings).toEqual([]);
    expectFaithful(text, items);
    expect(text).toMatch(/month = may,/);

    const out = compileWithBibtex(text);
    expect(out.errors).toEqual([]);
    expect(bibitemKeys(out.bbl).sort()).toEqual(items.map((i) => i.citationKey).sort());
    const entry = bblEntry(out.bbl, HAND_MADE);
    for (const escaped of [...ESCAPED_SPECIALS, '\\textasciigrave']) expect(entry, escaped).toContain(escaped);

    // What was written from CSL reads back as the same CSL.
    const again = new Map(parseBibtex(text, 'export.bib').entries.map((e) => [e.source.key, e.csl]));
    for (const item of items.filter((i) => !i.source || i.editedFields)) {
      const back = again.get(item.citationKey);
      expect(back?.title, item.citationKey).toBe(item.csl.title);
      expect(back?.author, item.citationKey).toEqual(item.csl.author);
      // BibTeX has year and month but no day.
      const parts = item.csl.issued?.['date-parts']?.map((p) => p.slice(0, 2));
      expect(back?.issued, item.citationKey).toEqual(parts ? { 'date-parts': parts } : undefined);
    }
  });

  it('fixture, biblatex dialect: biber + biblatex typeset every entry but the @xdata one', () => {
    const items = fixtureItems();
    const { text, warnings } = exportBibtex(items, { dialect: 'biblatex' });
    expect(warnings).toEqual([]);
    expectFaithful(text, items);
    expect(text).toMatch(/date = \{1970-05-04\}/);

    const out = compileWithBiber(text);
    expect(out.errors).toEqual([]);
    const entry = bblEntry(out.bbl, HAND_MADE);
    for (const escaped of ESCAPED_SPECIALS) expect(entry, escaped).toContain(escaped);
    const inBbl = bblEntryKeys(out.bbl);
    const expected = items.filter((i) => i.source?.entryType !== 'xdata').map((i) => i.citationKey);
    expect(expected.filter((k) => !inBbl.has(k))).toEqual([]);
  });

  describe('Cyrillic, CJK and Greek with xelatex', () => {
    const fonts = (): [string, string] => [
      requireFontFor('éÆДостоевскийΠαπαδόπουλος', 'fonts-dejavu-core'),
      requireFontFor('機械学習入門東京大学出版会鈴木一郎李小龍太郎深層', 'fonts-noto-cjk'),
    ];
    const unicodeItems = (): Item[] => {
      const parsed = parseBibtex(readFileSync(join(FIXTURES, 'folio-unicode.bib'), 'utf8'), 'folio-unicode.bib');
      expect(parsed.issues).toEqual([]);
      return [
        ...itemsFrom(parsed.entries),
        makeItem('u1', 'ivanova2021', {
          type: 'book',
          title: 'Машинное обучение, 機械学習 και Μηχανική μάθηση: R&D, 50% $5 a_b #1',
          author: [{ family: 'Иванова', given: 'Мария' }, { family: '鈴木', given: '一郎' }, { family: 'Νικολάου', given: 'Ελένη' }],
          publisher: 'Наука',
          issued: { 'date-parts': [[2021]] },
        }),
      ];
    };
    const expectPrinted = (out: Compiled): void => {
      expect(out.errors).toEqual([]);
      for (const word of ['Достоевский', 'Преступление', '機械学習入門', 'Παπαδόπουλος', 'Машинное обучение', '鈴木', 'Νικολάου']) {
        expect(out.bbl, word).toContain(word);
      }
      const handMade = bblEntry(out.bbl, 'ivanova2021');
      for (const escaped of ['R\\&D', '50\\%', '\\$5', 'a\\_b', '\\#1']) expect(handMade, escaped).toContain(escaped);
      expect(out.log.match(/Missing character: .*/g) ?? []).toEqual([]);
    };

    it('biber + biblatex print them, and & % $ _ # in a title', () => {
      const [font, cjkFont] = fonts();
      const { text, warnings } = exportBibtex(unicodeItems(), { dialect: 'bibtex' });
      expect(warnings).toEqual([]);
      expectPrinted(compileWithBiber(text, 'xelatex', xelatexDoc(font, cjkFont, 'biber')));
    });

    it('bibtex (plain) prints them too', () => {
      const [font, cjkFont] = fonts();
      const { text } = exportBibtex(unicodeItems(), { dialect: 'bibtex' });
      expectPrinted(compileWithBibtex(text, 'xelatex', xelatexDoc(font, cjkFont, 'bibtex')));
    });
  });
});
