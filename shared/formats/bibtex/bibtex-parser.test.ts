import { describe, expect, it } from 'vitest';
import { parseBibtex } from './bibtex-import.ts';

const parse = (text: string) => parseBibtex(text, 'test.bib');
const fieldsOf = (text: string, key?: string) => {
  const r = parse(text);
  const entry = key ? r.entries.find((e) => e.source.key === key) : r.entries[0];
  return Object.fromEntries((entry?.source.fields ?? []).map((f) => [f.name, f.raw]));
};

describe('parseBibtex: entries and values', () => {
  it('keeps entry type, key and every field raw, in order, delimiters included', () => {
    const r = parse('@Article{Key:1,\n  Title = {Some {T}itle},\n  journal = "A {"quoted"} journal",\n  month = feb,\n  year = 2004,\n  note = jan # " 1"}');
    expect(r.issues).toEqual([]);
    const e = r.entries[0];
    expect(e?.source.entryType).toBe('Article');
    expect(e?.source.key).toBe('Key:1');
    expect(e?.source.fields).toEqual([
      { name: 'Title', raw: '{Some {T}itle}' },
      { name: 'journal', raw: '"A {"quoted"} journal"' },
      { name: 'month', raw: 'feb' },
      { name: 'year', raw: '2004' },
      { name: 'note', raw: 'jan # " 1"' },
    ]);
    expect(e?.csl.title).toBe('Some Title');
    expect(e?.csl['container-title']).toBe('A "quoted" journal');
    expect(e?.csl.issued).toEqual({ 'date-parts': [[2004, 2]] });
  });

  it('keeps multi-line values byte for byte', () => {
    const raw = '{A title that\n                  runs on   two lines}';
    expect(fieldsOf(`@misc{k, title = ${raw}}`).title).toBe(raw);
    expect(parse(`@misc{k, title = ${raw}}`).entries[0]?.csl.title).toBe('A title that runs on two lines');
  });

  it('reads parenthesised entries, with parentheses inside values', () => {
    const r = parse('@book(paren:key, title = {A (nested) title}, year = 1999)');
    expect(r.entries[0]?.source.key).toBe('paren:key');
    expect(r.entries[0]?.csl.title).toBe('A (nested) title');
  });

  it('keeps keys with : / - . + _ as written', () => {
    const keys = ['a:b/c-d.e', 'x+y_z', 'Knuth1984', '2020-report', "o'brien~1"];
    const r = parse(keys.map((k) => `@misc{${k}, title = {t}}`).join('\n'));
    expect(r.entries.map((e) => e.source.key)).toEqual(keys);
  });

  it('reads entries without fields and with a trailing comma', () => {
    const r = parse('@misc{empty}\n@misc{trailing, title = {T},}\n@misc{spaced , title = {U} }');
    expect(r.issues).toEqual([]);
    expect(r.entries.map((e) => [e.source.key, e.source.fields.length])).toEqual([['empty', 0], ['trailing', 1], ['spaced', 1]]);
  });

  it('reads nested braces and braces in quoted values', () => {
    const f = fieldsOf('@misc{k, title = {{A {deeply {nested}} title}}, note = "say {"hi"} {there}"}');
    expect(f.title).toBe('{{A {deeply {nested}} title}}');
    expect(f.note).toBe('"say {"hi"} {there}"');
  });

  it('keeps crossref and xdata as fields', () => {
    const r = parse('@incollection{c, crossref = {p}, xdata = {x1,x2}}\n@book{p, title = {Parent}}');
    expect(r.entries[0]?.source.fields).toEqual([{ name: 'crossref', raw: '{p}' }, { name: 'xdata', raw: '{x1,x2}' }]);
  });

  it('reports 1-based line numbers of each entry @', () => {
    const r = parse('% comment\n\n@misc{a, title={x}}\n\n@misc{b,\n title={y}}\n');
    expect(r.entries.map((e) => e.line)).toEqual([3, 5]);
    expect(r.entries[1]?.source.line).toBe(5);
    expect(r.entries[1]?.source.file).toBe('test.bib');
  });
});

describe('parseBibtex: @string, @preamble, @comment and outside text', () => {
  it('expands @string macros with # concatenation, case-insensitively, and keeps what each entry uses', () => {
    const text = '@string{ieee = "IEEE"}\n@String{Trans = IEEE # " Trans. on "}\n@STRING(pami = trans # {PAMI})\n@string{unused = {x}}\n@article{a, journal = PAMI}';
    const r = parse(text);
    expect(r.strings).toEqual({ ieee: '"IEEE"', Trans: 'IEEE # " Trans. on "', pami: 'trans # {PAMI}', unused: '{x}' });
    const e = r.entries[0];
    expect(e?.csl['container-title']).toBe('IEEE Trans. on PAMI');
    expect(e?.source.fields[0]?.raw).toBe('PAMI');
    expect(e?.source.macros).toEqual({ ieee: '"IEEE"', Trans: 'IEEE # " Trans. on "', pami: 'trans # {PAMI}' });
  });

  it('lets a redefined @string apply from its definition on', () => {
    const r = parse('@string{p = {One}}\n@misc{a, publisher = p}\n@string{p = {Two}}\n@misc{b, publisher = p}');
    expect(r.entries.map((e) => e.csl.publisher)).toEqual(['One', 'Two']);
    expect(r.entries.map((e) => e.source.macros)).toEqual([{ p: '{One}' }, { p: '{Two}' }]);
  });

  it('knows the month macros and warns about undefined @strings', () => {
    const r = parse('@misc{a, year = 2001, month = dec}\n@misc{b, publisher = nowhere}');
    expect(r.entries[0]?.csl.issued).toEqual({ 'date-parts': [[2001, 12]] });
    expect(r.entries[0]?.source.macros).toBeUndefined();
    expect(r.entries[1]?.csl.publisher).toBe('nowhere');
    expect(r.warnings).toEqual([{ file: 'test.bib', line: 2, key: 'b', reason: expect.stringContaining('undefined @string "nowhere"') }]);
  });

  it('collects @preamble contents raw and gives them to every entry', () => {
    const r = parse('@preamble{ "\\newcommand{\\x}{X}" # "\\newcommand{\\y}{Y}" }\n@preamble{{\\def\\z{Z}}}\n@misc{a}');
    expect(r.preambles).toEqual(['"\\newcommand{\\x}{X}" # "\\newcommand{\\y}{Y}"', '{\\def\\z{Z}}']);
    expect(r.entries[0]?.source.preambles).toEqual(r.preambles);
  });

  it('skips @comment blocks, JabRef metadata and commented-out entries inside them', () => {
    const r = parse('@Comment{jabref-meta: databaseType:biblatex;}\n@comment{\n@article{hidden, title = {No}}\n}\n@comment(paren {x})\n@misc{shown}');
    expect(r.issues).toEqual([]);
    expect(r.entries.map((e) => e.source.key)).toEqual(['shown']);
  });

  it('treats text outside entries as comment, an e-mail address included', () => {
    const r = parse('Written by me@example.org on a good day.\n@misc{a, title = {T}}\nTrailing words.');
    expect(r.issues).toEqual([]);
    expect(r.entries.map((e) => e.source.key)).toEqual(['a']);
  });
});

describe('parseBibtex: broken input', () => {
  it('skips a broken entry with an issue and resumes at the next @ line', () => {
    const text = [
      '@misc{ok1, title = {Fine}}',
      '@article{broken1, title = {Unclosed, year = 2001,',
      '',
      '@misc{ok2, title = {Also fine}}',
      '@misc{broken2, title = "unclosed quote',
      '@misc{ok3, title = {Third}}',
      '@misc{broken3 title = {missing comma}}',
      '@misc{ok4}',
      '@misc{, title = {no key}}',
      '@misc{broken5, title = {a} year = 2}',
      '@misc{broken6, title}',
      '@misc{ok5}',
    ].join('\n');
    const r = parse(text);
    expect(r.entries.map((e) => e.source.key)).toEqual(['ok1', 'ok2', 'ok3', 'ok4', 'ok5']);
    expect(r.issues.map((i) => [i.line, i.key])).toEqual([
      [2, 'broken1'],
      [5, 'broken2'],
      [7, 'broken3'],
      [9, undefined],
      [10, 'broken5'],
      [11, 'broken6'],
    ]);
    for (const issue of r.issues) expect(issue.file).toBe('test.bib');
    expect(r.issues[2]?.reason).toContain('expected "," after the key');
    expect(r.issues[3]?.reason).toContain('missing citation key');
  });

  it('reports nothing but the issue for an entry it skips', () => {
    const r = parse('@misc{bad, a = nomacro, a = {x}, b = {unclosed\n@misc{dup}\n@misc{dup, a = nomacro}');
    expect(r.issues.map((i) => i.key)).toEqual(['bad', 'dup']);
    expect(r.warnings).toEqual([]);
  });

  it('reports @type without a delimiter at a line start', () => {
    const r = parse('@misc oops\n@misc{fine}');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.line).toBe(1);
    expect(r.entries.map((e) => e.source.key)).toEqual(['fine']);
  });

  it('an unknown macro in a value does not fail the entry, let alone the file', () => {
    const r = parse('@misc{a, title = {The \\enquote*{so-called} \\weird{thing} effect}}\n@misc{b}');
    expect(r.issues).toEqual([]);
    expect(r.entries[0]?.csl.title).toBe('The ‘so-called’ \\weird{thing} effect');
  });

  it('keeps the first of repeated keys (an issue) and of repeated fields (a warning)', () => {
    const r = parse('@misc{dup, title = {First}}\n@misc{dup, title = {Second}}\n@misc{f, title = {One}, TITLE = {Two}}');
    expect(r.entries.map((e) => [e.source.key, e.csl.title])).toEqual([['dup', 'First'], ['f', 'One']]);
    expect(r.issues).toEqual([{ file: 'test.bib', line: 2, key: 'dup', reason: expect.stringContaining('repeated key') }]);
    expect(r.warnings).toEqual([{ file: 'test.bib', line: 3, key: 'f', reason: expect.stringContaining('"TITLE" is repeated') }]);
    expect(r.entries[1]?.source.fields).toEqual([{ name: 'title', raw: '{One}' }]);
  });

  it('imports keys that differ only in case, with a warning (bibtex would call them repeated)', () => {
    const r = parse('@misc{Smith2020}\n@misc{smith2020}');
    expect(r.entries).toHaveLength(2);
    expect(r.warnings[0]?.reason).toContain('differs only in case');
  });

  it('never throws on arbitrary input', () => {
    const samples = ['@', '@{', '@misc{', '@misc{a,', '@misc{a, t = ', '@misc{a, t = {', '@string{', '@preamble{', '}}}{{{', '@misc{a, t = # }', '@comment{'];
    for (const s of samples) expect(() => parse(s)).not.toThrow();
  });
});
