import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex } from '../../shared/formats/bibtex/index.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { bibitemKeys, bibtexErrors, latex, latexErrors, makeWorkDir, readIn, removeWorkDir, requireTexFile, requireTool, run, writeIn } from './tex-tools.ts';

/*
 * biblatex-examples.bib through the library on disk: `folio import`, library.json in its compact
 * form (schema 2: CSL that the kept source gives back is not stored twice), a second process that
 * reads it back and exports. Every field of every entry must come out byte for byte as it went in.
 */
describe('biblatex-examples.bib through library.json and back', () => {
  let dir = '';
  let original = '';
  beforeAll(() => {
    requireTool('kpsewhich');
    original = readFileSync(requireTexFile('biblatex-examples.bib', 'texlive-bibtex-extra'), 'utf8');
    dir = mkdtempSync(join(tmpdir(), 'folio-examples-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps 1,030 of 1,030 fields byte for byte, in a library.json that stores the imported text once', () => {
    const library = join(dir, 'library');
    const source = join(dir, 'biblatex-examples.bib');
    writeFileSync(source, original);
    const imported = runFolio(['import', source, '--library', library]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);

    const out = join(dir, 'export.bib');
    const exported = runFolio(['export', '--format', 'biblatex', '--library', library, '-o', out]);
    expect(exported.status).toBe(0);

    const before = parseBibtex(original, 'biblatex-examples.bib').entries;
    const after = new Map(parseBibtex(readFileSync(out, 'utf8'), 'export.bib').entries.map((e) => [e.source.key, e.source]));
    let fields = 0;
    let same = 0;
    for (const entry of before) {
      const back = after.get(entry.source.key);
      expect(back?.entryType, entry.source.key).toBe(entry.source.entryType);
      for (const [i, field] of entry.source.fields.entries()) {
        fields++;
        const other = back?.fields[i];
        if (other?.name === field.name && other.raw === field.raw) same++;
        else expect({ key: entry.source.key, field: other }).toEqual({ key: entry.source.key, field });
      }
      expect(back?.fields.length, entry.source.key).toBe(entry.source.fields.length);
    }
    expect(before).toHaveLength(92);
    expect(fields).toBe(1030);
    expect(same).toBe(1030);

    // The CSL, which the file partly derives from the kept source, is the CSL the import made.
    const cslOut = join(dir, 'export.json');
    expect(runFolio(['export', '--format', 'csl-json', '--library', library, '-o', cslOut]).status).toBe(0);
    const cslByKey = new Map((JSON.parse(readFileSync(cslOut, 'utf8')) as Array<Record<string, unknown>>).map((c) => [c.id, c]));
    for (const entry of before) {
      const { id: _id, 'citation-key': _key, ...exportedCsl } = cslByKey.get(entry.source.key) ?? {};
      const { id: _imId, 'citation-key': _imKey, ...importedCsl } = entry.csl;
      expect(exportedCsl, entry.source.key).toEqual(importedCsl);
    }

    // Stored once: the abstracts are in the kept source only, named by cslFromSource.
    const lines = readFileSync(join(library, 'library.json'), 'utf8').split('\n').filter((l) => l.startsWith('{"addedAt"'));
    expect(lines).toHaveLength(92);
    const withAbstract = lines.map((l) => JSON.parse(l.replace(/,$/, '')) as { csl: Record<string, unknown>; cslFromSource?: Record<string, string>; source: { fields: Array<{ name: string }> } })
      .filter((item) => item.source.fields.some((f) => f.name === 'abstract'));
    expect(withAbstract.length).toBeGreaterThan(0);
    for (const item of withAbstract) {
      expect(item.csl.abstract).toBeUndefined();
      expect(item.cslFromSource?.abstract).toBe('abstract');
    }
  });

  it('writes chained @strings in definition order after library.json, and bibtex expands them', () => {
    requireTool('bibtex');
    requireTool('pdflatex');
    const library = join(dir, 'chained');
    const source = join(dir, 'chained.bib');
    // Sorted by name, "apub" would come before the "zorg" it is built from, and bibtex would leave it undefined.
    writeFileSync(source, String.raw`@string{zorg = {Society for Chained Definitions}}
@string{apub = zorg # { Press}}
@string{mid = apub # {, Second Series}}
@book{chain,
  author = {Doe, Jane},
  title = {Strings in Order},
  publisher = mid,
  year = 2020,
}
`);
    expect(runFolio(['import', source, '--library', library]).status).toBe(0);
    const out = join(dir, 'chained-export.bib');
    expect(runFolio(['export', '--format', 'bibtex', '--library', library, '-o', out]).status).toBe(0);
    const exported = readFileSync(out, 'utf8');
    expect(exported.match(/^@string\{\w+/gm)).toEqual(['@string{zorg', '@string{apub', '@string{mid']);

    const work = makeWorkDir();
    writeIn(work, 'export.bib', exported);
    writeIn(work, 'doc.tex', String.raw`\documentclass{article}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{export}
\end{document}
`);
    latex(work, 'pdflatex', 'doc');
    run(work, 'bibtex', ['doc']);
    const blg = readIn(work, 'doc.blg');
    latex(work, 'pdflatex', 'doc');
    const errors = [...bibtexErrors(blg), ...latexErrors(readIn(work, 'doc.log'))];
    const bbl = readIn(work, 'doc.bbl');
    removeWorkDir(work);
    expect(errors).toEqual([]);
    expect(blg).not.toMatch(/undefined/i);
    expect(bibitemKeys(bbl)).toEqual(['chain']);
    expect(bbl.replace(/\s+/g, ' ')).toContain('Society for Chained Definitions Press, Second Series');
  });
});
