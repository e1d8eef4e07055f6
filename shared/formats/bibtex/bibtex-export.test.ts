import { describe, expect, it } from 'vitest';
import type { Item } from '../../model/item.ts';
import type { CslItemData } from '../../model/csl.ts';
import { asItemId } from '../../model/ids.ts';
import { syntheticBibtex } from '../../../tests/fixtures/bib/synthetic-bib.ts';
import { exportBibtex, exportBibtexEntry } from './bibtex-export.ts';
import { parseBibtex } from './bibtex-import.ts';

function item(key: string, csl: CslItemData, extra: Partial<Item> = {}): Item {
  return {
    id: asItemId(`id-${key}`), citationKey: key, keyPinned: false, csl, tags: [], collections: [], read: 'unread', rating: 0,
    flagged: false, addedAt: '', modifiedAt: '', trashedAt: null, attachments: [], note: null, annotations: [], ...extra,
  };
}

function imported(text: string): Item[] {
  return parseBibtex(text, 'in.bib').entries.map((e) => item(e.source.key, e.csl, { source: e.source }));
}

const rawFields = (text: string) => parseBibtex(text, 'out.bib').entries.map((e) => [e.source.key, e.source.entryType, e.source.fields]);

describe('exportBibtex: imported items', () => {
  const source = `@string{ieee = "IEEE"}
@preamble{"\\providecommand{\\noopsort}[1]{}"}
@Article{a:b/c-d.e,
  Title = {Some {T}itle},
  journal = ieee # " Trans.",
  month = feb,
  year = 2004,
  unknownfield = {kept \\& as is},
}
@misc{plain, note = "quoted {"x"}"}`;

  it('writes each @string after the ones it uses, whatever order the item holds them in', () => {
    const [chained] = imported(`@string{zorg = {Society}}
@string{apub = zorg # { Press}}
@string{mid = apub # {, Second Series}}
@book{b, publisher = mid, title = {T}}`);
    if (!chained?.source?.macros) throw new Error('fixture did not parse');
    // An older library.json kept them sorted by name.
    const sorted = Object.fromEntries(Object.entries(chained.source.macros).sort(([a], [b]) => a.localeCompare(b)));
    const { text } = exportBibtex([{ ...chained, source: { ...chained.source, macros: sorted } }], { dialect: 'bibtex' });
    expect(text.match(/^@string\{\w+/gm)).toEqual(['@string{zorg', '@string{apub', '@string{mid']);
  });

  it('reproduces type, key and every raw field, with @preamble and @string first', () => {
    const items = imported(source);
    const { text, warnings } = exportBibtex(items, { dialect: 'bibtex' });
    expect(warnings).toEqual([]);
    expect(text.indexOf('@preamble{"\\providecommand{\\noopsort}[1]{}"}')).toBe(0);
    expect(text.indexOf('@string{ieee = "IEEE"}')).toBeLessThan(text.indexOf('@Article{a:b/c-d.e,'));
    expect(rawFields(text)).toEqual(rawFields(source));
    expect(exportBibtex(items, { dialect: 'biblatex' }).text).toBe(text);
  });

  it('writes the item key, never a rewritten one', () => {
    const [a] = imported(source);
    if (!a) throw new Error('no item');
    a.citationKey = 'renamed:by/user-1.0';
    expect(exportBibtexEntry(a, 'bibtex')).toMatch(/^@Article\{renamed:by\/user-1\.0,\n/);
  });

  it('rewrites only edited variables from CSL, in the place of the fields they replace', () => {
    const [a] = imported(source);
    if (!a) throw new Error('no item');
    a.csl.title = 'New Title on DNA & RNA';
    a.csl.issued = { 'date-parts': [[2010, 3, 9]] };
    a.editedFields = ['title', 'issued'];
    expect(exportBibtexEntry(a, 'bibtex')).toBe(
      '@Article{a:b/c-d.e,\n  title = {New Title on {DNA} \\& {RNA}},\n  journal = ieee # " Trans.",\n  year = {2010},\n  month = mar,\n  unknownfield = {kept \\& as is},\n}\n',
    );
    expect(exportBibtexEntry(a, 'biblatex')).toContain('  journal = ieee # " Trans.",\n  date = {2010-03-09},\n');
  });

  it('drops the fields of a variable the user cleared', () => {
    const [a] = imported(source);
    if (!a) throw new Error('no item');
    delete a.csl['container-title'];
    a.editedFields = ['container-title'];
    expect(exportBibtexEntry(a, 'bibtex')).not.toContain('journal');
  });

  it('writes the entry type from CSL when the type was edited', () => {
    const [a] = imported(source);
    if (!a) throw new Error('no item');
    a.csl.type = 'paper-conference';
    a.editedFields = ['type'];
    expect(exportBibtexEntry(a, 'bibtex')).toMatch(/^@inproceedings\{/);
  });
});

describe('exportBibtex: items made by hand', () => {
  const csl: CslItemData = {
    type: 'article-journal',
    title: 'Profit & Loss: 50% of $5 on a_b #1',
    author: [{ family: 'Müller', given: 'Jörg' }, { literal: 'Barnes and Noble' }],
    'container-title': 'J. Econ.',
    'publisher-place': 'Zürich',
    issued: { 'date-parts': [[2020, 2]] },
    page: '1-10',
    issue: '3',
    DOI: '10.1/a_b',
  };

  it('bibtex dialect: journal, address, year and month macro', () => {
    expect(exportBibtexEntry(item('k', csl), 'bibtex')).toBe(
      '@article{k,\n  author = {Müller, Jörg and {Barnes and Noble}},\n  title = {Profit \\& Loss: 50\\% of \\$5 on a\\_b \\#1},\n' +
        '  journal = {J. Econ.},\n  number = {3},\n  pages = {1--10},\n  address = {Zürich},\n  year = {2020},\n  month = feb,\n  doi = {10.1/a_b},\n}\n',
    );
  });

  it('biblatex dialect: journaltitle, location, date', () => {
    const text = exportBibtexEntry(item('k', csl), 'biblatex');
    expect(text).toContain('  journaltitle = {J. Econ.},\n');
    expect(text).toContain('  location = {Zürich},\n');
    expect(text).toContain('  date = {2020-02},\n');
    expect(text).not.toMatch(/year|month|journal =/);
  });

  it('reads back as the same CSL', () => {
    for (const dialect of ['bibtex', 'biblatex'] as const) {
      const back = parseBibtex(exportBibtexEntry(item('k', csl), dialect), 'x.bib').entries[0]?.csl;
      expect(back).toEqual(csl);
    }
  });

  it('exports an item without authors or year cleanly', () => {
    const text = exportBibtexEntry(item('untitled', { type: 'document', title: 'Just a Title' }), 'bibtex');
    expect(text).toBe('@misc{untitled,\n  title = {Just a Title},\n}\n');
    expect(parseBibtex(text, 'x.bib').issues).toEqual([]);
  });
});

describe('exportBibtex: the whole file', () => {
  it('skips a repeated key (also differing only in case) and an unwritable key, with warnings', () => {
    const items = [item('dup', { type: 'book' }), item('Dup', { type: 'book' }), item('has space', { type: 'book' }), item('ok', { type: 'book' })];
    const { text, warnings } = exportBibtex(items, { dialect: 'bibtex' });
    expect(rawFields(text).map(([k]) => k)).toEqual(['dup', 'ok']);
    expect(warnings).toHaveLength(2);
  });

  it('adds crossref and xdata parents found by resolveKey after their children, and warns about missing ones', () => {
    const all = imported(`@book{parent, title = {P}}
@xdata{data, publisher = {X}}
@incollection{child, crossref = {parent}, xdata = {data, gone}}
@incollection{orphan, crossref = {missing}}`);
    const byKey = new Map(all.map((i) => [i.citationKey.toLowerCase(), i]));
    const chosen = all.filter((i) => i.citationKey === 'child' || i.citationKey === 'orphan');
    const { text, warnings } = exportBibtex(chosen, { dialect: 'bibtex', resolveKey: (k) => byKey.get(k.toLowerCase()) });
    expect(rawFields(text).map(([k]) => k)).toEqual(['child', 'orphan', 'parent', 'data']);
    expect(warnings.join('\n')).toMatch(/"gone"[\s\S]*"missing"/);
  });

  it('puts a parent after its children even when the library lists it first', () => {
    const all = imported('@book{grand, title = {G}}\n@book{parent, crossref = {grand}}\n@incollection{child, crossref = {parent}}\n@misc{other}');
    expect(rawFields(exportBibtex(all, { dialect: 'bibtex' }).text).map(([k]) => k)).toEqual(['child', 'other', 'parent', 'grand']);
  });

  it('writes each @string and @preamble once, and inlines a @string two files define differently', () => {
    const one = imported('@preamble{"\\def\\a{}"}\n@string{pub = {One Press}}\n@book{a, publisher = pub}\n@book{b, publisher = pub # " Ltd"}');
    const two = imported('@preamble{"\\def\\a{}"}\n@string{pub = {Two Press}}\n@book{c, publisher = pub}').map((i) => i);
    const { text, warnings } = exportBibtex([...one, ...two], { dialect: 'bibtex' });
    expect(text.match(/@preamble/g)).toHaveLength(1);
    expect(text.match(/@string/g)).toHaveLength(1);
    expect(text).toContain('@book{c,\n  publisher = {Two Press},\n}');
    expect(warnings).toHaveLength(1);
    expect(parseBibtex(text, 'x.bib').entries.map((e) => e.csl.publisher)).toEqual(['One Press', 'One Press Ltd', 'Two Press']);
  });

  it('handles thousands of generated entries (sanity, not timing)', () => {
    const parsed = parseBibtex(syntheticBibtex(2000, 3), 'big.bib');
    expect(parsed.issues).toEqual([]);
    expect(parsed.entries).toHaveLength(2000);
    const items = parsed.entries.map((e) => item(e.source.key, e.csl, { source: e.source }));
    const again = parseBibtex(exportBibtex(items, { dialect: 'biblatex' }).text, 'again.bib');
    expect(again.entries.map((e) => e.source.fields)).toEqual(parsed.entries.map((e) => e.source.fields));
  });
});
