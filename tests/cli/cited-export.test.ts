import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFolioService } from '../../electron/services/folio-service.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { latex, makeWorkDir, removeWorkDir, requireTexFile, requireTool, writeIn } from '../tools/tex-tools.ts';

const BIB = `@article{vaswani2017attention,
  title = {Attention Is All You Need}, author = {Vaswani, Ashish}, journal = {NeurIPS}, year = {2017}
}
@book{knuth1997art,
  title = {The Art of Computer Programming}, author = {Knuth, Donald}, publisher = {Addison-Wesley}, year = {1997}
}
@misc{uncited2020,
  title = {Never Cited}, author = {Nobody, Anne}, year = {2020}
}
`;

const BIBTEX_DOC = String.raw`\documentclass{article}
\begin{document}
As shown~\cite{vaswani2017attention} and in \cite[p.~3]{knuth1997art,missing2019ghost}.
% \cite{uncited2020} is commented out
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
`;

const BIBER_DOC = String.raw`\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\autocite{knuth1997art} \textcite{missing2019ghost}
\printbibliography
\end{document}
`;

const dir = makeWorkDir();
const lib = join(dir, 'library');
afterAll(() => removeWorkDir(dir));

describe('export of the cited entries only', () => {
  it('reads the .aux pdflatex writes for bibtex and for biber, and names the keys the library lacks', async () => {
    requireTool('pdflatex');
    requireTexFile('biblatex.sty', 'texlive-bibtex-extra');
    writeIn(dir, 'refs.bib', BIB);
    writeIn(dir, 'paper.tex', BIBTEX_DOC);
    writeIn(dir, 'modern.tex', BIBER_DOC);
    // pdflatex writes the .aux even though the bibliography is not built yet; a warning-only run may exit non-zero.
    latex(dir, 'pdflatex', 'paper');
    latex(dir, 'pdflatex', 'modern');
    const aux = readFileSync(join(dir, 'paper.aux'), 'utf8');
    const biberAux = readFileSync(join(dir, 'modern.aux'), 'utf8');
    expect(aux).toContain('\\citation{missing2019ghost}');
    expect(biberAux).toContain('\\abx@aux@cite');

    expect(runFolio(['import', join(dir, 'refs.bib'), '--library', lib]).status).toBe(0);
    const service = await openFolioService(lib, 'cli', { host: 'web' });
    try {
      const cited = await service.api.bibliography.exportCited({ text: aux, fileName: 'paper.aux', format: 'bibtex' });
      expect(cited.count).toBe(2);
      expect(cited.missing).toEqual(['missing2019ghost']);
      expect(cited.text).toMatch(/^@article\{vaswani2017attention,/m);
      expect(cited.text).toMatch(/^@book\{knuth1997art,/m);
      expect(cited.text).not.toContain('uncited2020');

      const fromBiber = await service.api.bibliography.exportCited({ text: biberAux, fileName: 'modern.aux', format: 'biblatex' });
      expect(fromBiber.count).toBe(1);
      expect(fromBiber.missing).toEqual(['missing2019ghost']);

      const fromTex = await service.api.bibliography.exportCited({ text: BIBTEX_DOC, fileName: 'paper.tex', format: 'bibtex' });
      expect(fromTex).toEqual(cited);
    } finally {
      await service.dispose();
    }
  });

  it('folio export --aux takes a .aux or a .tex, lists missing keys on stderr and exits 2', () => {
    for (const file of ['paper.aux', 'paper.tex']) {
      const result = runFolio(['export', '--aux', join(dir, file), '--library', lib]);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toContain('@book{knuth1997art,');
      expect(result.stdout).toContain('@article{vaswani2017attention,');
      expect(result.stdout).not.toContain('uncited2020');
      expect(result.stderr).toContain('missing2019ghost');
    }
  });

  it('an auto-export target holds exactly what `folio export` prints', async () => {
    const target = join(dir, 'auto.bib');
    const service = await openFolioService(lib, 'cli', { host: 'web' });
    try {
      const status = await service.api.io.addAutoExport({ path: target, format: 'bibtex', collectionId: null });
      expect(status.lastError).toBeNull();
      const first = (await service.api.library.listRows())[0];
      if (!first) throw new Error('no rows');
      await service.api.library.updateItem(first.id, { csl: { title: 'Edited while auto exporting' } });
    } finally {
      await service.dispose();
    }
    const printed = runFolio(['export', '--library', lib]);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('Edited while auto exporting');
    expect(readFileSync(target, 'utf8')).toBe(printed.stdout);
  });
});
