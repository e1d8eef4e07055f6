import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFolioService } from '../../electron/services/folio-service.ts';
import { createMemoryLibraryStore } from '../../electron/services/library-store/index.ts';
import { bibitemKeys, bibtexErrors, latex, latexErrors, makeWorkDir, readIn, removeWorkDir, requireTool, run, writeIn } from './tex-tools.ts';

/*
 * Papers pasted from Hugging Face Papers have no authors and no year; arXiv listings have ids.
 * Both must get keys that are never empty and export as BibTeX that bibtex and pdflatex accept.
 */

const LISTINGS = join(import.meta.dirname, '../fixtures/listing');
const DOC = String.raw`\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage{url}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{export}
\end{document}
`;

const dir = makeWorkDir();
afterAll(() => removeWorkDir(dir));

describe('pasted listings export as clean BibTeX', () => {
  it('keys every paper, writes arXiv papers as @misc with eprint, and compiles with bibtex', async () => {
    requireTool('bibtex');
    requireTool('pdflatex');
    const s = createFolioService(createMemoryLibraryStore(), { host: 'web' });
    const hf = await s.api.io.importText({ text: readFileSync(join(LISTINGS, 'hf-papers-generalization.txt'), 'utf8'), fileName: 'hf.txt' });
    const arxiv = await s.api.io.importText({ text: readFileSync(join(LISTINGS, 'arxiv-list-new.txt'), 'utf8'), fileName: 'arxiv.txt' });
    expect(hf.imported).toBe(103);
    expect(arxiv.imported).toBeGreaterThan(0);
    const rows = await s.api.library.listRows();
    for (const row of rows) expect(row.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(rows.map((r) => r.key.toLowerCase())).size).toBe(rows.length);

    const { text, count } = await s.api.io.export({ scope: { kind: 'library' }, format: 'bibtex' });
    expect(count).toBe(rows.length);
    expect(text).not.toContain('@article{');
    expect(text).toMatch(/@misc\{chen2024self,[^@]*eprint = \{2401\.01335\},\n {2}archiveprefix = \{arXiv\}/);

    writeIn(dir, 'export.bib', text);
    writeIn(dir, 'doc.tex', DOC);
    expect(latexErrors(latex(dir, 'pdflatex', 'doc').output)).toEqual([]);
    const bibtex = run(dir, 'bibtex', ['doc']);
    const blg = readIn(dir, 'doc.blg');
    expect(bibtexErrors(blg), blg).toEqual([]);
    expect(bibtex.status).toBe(0);
    expect(bibitemKeys(readIn(dir, 'doc.bbl'))).toHaveLength(rows.length);
    expect(latexErrors(latex(dir, 'pdflatex', 'doc').output)).toEqual([]);
  });
});
