import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/model/item.ts';
import { importedTestItems, makeTestItem } from '../../../tests/helpers/store-items.ts';
import { canonicalJson } from './canonical-json.ts';
import { CSL_FROM_SOURCE, fromStoredItem, toStoredItem } from './stored-item.ts';

const imported = (bib: string): Item[] => importedTestItems(bib, 'test.bib');

/** Through the file and back: the line as written, parsed, made whole. */
function throughFile(item: Item): { line: string; back: unknown } {
  const line = canonicalJson(toStoredItem(item));
  const whole = fromStoredItem(JSON.parse(line));
  if (!whole.ok) throw new Error(whole.problem);
  return { line, back: whole.item };
}

const BIB = String.raw`@article{plain,
  author = {Müller, Anna and García, José},
  title = {{Attention} Is All You Need},
  journal = {Journal of Things},
  abstract = {A long abstract
     over two lines, with a {Transformer} and  double spaces. },
  doi = {10.1000/x.1},
  year = 2017,
}
@article{latex,
  author = {van der Maaten, Laurens and {Barnes and Noble}},
  title = {\"{U}ber {T}ransformers},
  journal = {J. Chem. Phys.},
  abstract = {Energies in $\alpha$ units---or not.},
}
`;

describe('stored items (library.json from schema version 2)', () => {
  it('leaves out of csl what the source gives back, and reads back the same item byte for byte', () => {
    const [plain, latex] = imported(BIB);
    if (!plain || !latex) throw new Error('fixture did not parse');
    const stored = toStoredItem(plain) as Record<string, unknown>;
    expect(stored[CSL_FROM_SOURCE]).toEqual({ abstract: 'abstract', author: 'author', 'container-title': 'journal', DOI: 'doi', title: 'title' });
    expect(Object.keys(stored.csl as object).sort()).toEqual(['issued', 'type']);
    const { line, back } = throughFile(plain);
    expect(back).toEqual(plain);
    expect(canonicalJson(back)).toBe(canonicalJson(plain));
    expect(line.length).toBeLessThan(canonicalJson(plain).length);
    // Key order inside csl is the sorted order a whole item read from the file has.
    expect(Object.keys((back as Item).csl)).toEqual(Object.keys(plain.csl).sort());

    // LaTeX, particles and a literal name: nothing follows by the simple rules, so csl stays whole.
    const latexStored = toStoredItem(latex) as Record<string, unknown>;
    expect(latexStored[CSL_FROM_SOURCE]).toEqual({ 'container-title': 'journal' });
    expect(throughFile(latex).back).toEqual(latex);
  });

  it('keeps an edited value, and an item without a source, exactly as they are', () => {
    const [plain] = imported(BIB);
    if (!plain) throw new Error('fixture did not parse');
    const edited: Item = { ...plain, csl: { ...plain.csl, abstract: 'Rewritten by the user.' }, editedFields: ['abstract'] };
    expect((toStoredItem(edited) as Record<string, Record<string, string>>)[CSL_FROM_SOURCE]).not.toHaveProperty('abstract');
    expect(throughFile(edited).back).toEqual(edited);
    const handMade = makeTestItem(7);
    expect(toStoredItem(handMade)).toBe(handMade);
  });

  it('refuses a marker that names a missing field or a variable csl already holds, and keeps hostile keys as keys', () => {
    const [plain] = imported(BIB);
    if (!plain) throw new Error('fixture did not parse');
    const stored = JSON.parse(canonicalJson(toStoredItem(plain))) as Record<string, unknown>;
    expect(fromStoredItem({ ...stored, [CSL_FROM_SOURCE]: { abstract: 'summary' } })).toMatchObject({ ok: false, problem: expect.stringMatching(/no field "summary"/) });
    expect(fromStoredItem({ ...stored, [CSL_FROM_SOURCE]: ['abstract'] })).toMatchObject({ ok: false });
    expect(fromStoredItem({ ...stored, csl: { ...(stored.csl as object), abstract: 'x' } })).toMatchObject({ ok: false, problem: expect.stringMatching(/holds the variable too/) });

    const hostile = JSON.parse(`{"csl":{"type":"article","__proto__":{"polluted":1},"toString":"t"},"${CSL_FROM_SOURCE}":{"abstract":"abstract"},"source":{"fields":[{"name":"abstract","raw":"{x}"}]}}`) as unknown;
    const whole = fromStoredItem(hostile);
    if (!whole.ok) throw new Error(whole.problem);
    const csl = (whole.item as { csl: Record<string, unknown> }).csl;
    expect(Object.getPrototypeOf(csl)).toBe(Object.prototype);
    expect(Object.keys(csl)).toEqual(['__proto__', 'abstract', 'toString', 'type']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes anything without the marker through for the item check to judge', () => {
    expect(fromStoredItem(null)).toEqual({ ok: true, item: null });
    expect(fromStoredItem([1])).toEqual({ ok: true, item: [1] });
    const item = makeTestItem(1);
    expect(fromStoredItem(item)).toEqual({ ok: true, item });
  });

  it('writes @string definitions as pairs in definition order, and reads them back in that order', () => {
    const [chained] = imported(String.raw`@string{zorg = {Society}}
@string{apub = zorg # { Press}}
@book{b, publisher = apub, title = {T}}
`);
    if (!chained) throw new Error('fixture did not parse');
    expect(Object.keys(chained.source?.macros ?? {})).toEqual(['zorg', 'apub']);
    const { line, back } = throughFile(chained);
    expect(line).toContain('"macros":[["zorg","{Society}"],["apub","zorg # { Press}"]]');
    expect(Object.keys((back as Item).source?.macros ?? {})).toEqual(['zorg', 'apub']);
    expect(back).toEqual(chained);
    const stored = JSON.parse(line) as { source: { macros: unknown } };
    expect(fromStoredItem({ ...stored, source: { ...stored.source, macros: [['zorg']] } })).toMatchObject({ ok: false, problem: expect.stringMatching(/pairs/) });
  });
});
