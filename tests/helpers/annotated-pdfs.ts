import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { latex, requireTool } from '../tools/tex-tools.ts';

/** A one-page PDF (pdf-lib) whose phrase "Attention is all you need" carries a yellow /Highlight with a comment. */
export async function pdfWithHighlight(comment = 'The key claim'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const before = 'We show that ';
  const phrase = 'Attention is all you need';
  page.drawText(`${before}${phrase} for translation.`, { x: 72, y: 700, size: 12, font });
  const x1 = 72 + font.widthOfTextAtSize(before, 12);
  const x2 = x1 + font.widthOfTextAtSize(phrase, 12);
  const annot = doc.context.obj({
    Type: 'Annot', Subtype: 'Highlight', Rect: [x1, 697, x2, 712], QuadPoints: [x1, 712, x2, 712, x1, 697, x2, 697], C: [1, 1, 0], F: 4,
  });
  annot.set(PDFName.of('Contents'), PDFHexString.fromText(comment));
  page.node.addAnnot(doc.context.register(annot));
  return doc.save();
}

export interface LatexPaper {
  pdf: string;
  /** The sentences of each page, as written. */
  pages: string[];
}

/** A paper made by pdflatex in `dir`: known sentences on several pages, hyperref links between them. */
export function latexPaper(dir: string, pages: string[]): LatexPaper {
  requireTool('pdflatex');
  const body = pages.map((p, i) => `\\section{Part ${i + 1}}\\label{part${i + 1}}\n${p}${i > 0 ? ` See Section~\\ref{part1}.` : ''}`).join('\n\\newpage\n');
  writeFileSync(join(dir, 'paper.tex'), `\\documentclass{article}\\usepackage{hyperref}\\begin{document}\n${body}\n\\end{document}\n`);
  const run = latex(dir, 'pdflatex', 'paper');
  if (run.status !== 0) throw new Error(`pdflatex failed:\n${run.output}`);
  return { pdf: join(dir, 'paper.pdf'), pages };
}

/**
 * Runs a MuPDF script (`mutool run`) that annotates `input` and saves `output`: `doc`, `page(n)` (0-based) and
 * `quadsOf(page, phrase)` (MuPDF's own search) are defined before `body`.
 */
export function mutoolAnnotate(dir: string, input: string, output: string, body: string): void {
  requireTool('mutool');
  const script = join(dir, 'annotate.js');
  writeFileSync(script, `var doc = new PDFDocument(scriptArgs[0]);
function page(n) { return doc.loadPage(n); }
function quadsOf(p, phrase) { var hits = p.search(phrase); if (hits.length === 0) throw new Error("not found: " + phrase); return hits[0]; }
${body}
doc.save(scriptArgs[1]);
`);
  execFileSync('mutool', ['run', script, input, output], { stdio: 'pipe' });
}

/** `qpdf --json` of a file's objects: each annotation dictionary with its keys. */
export function qpdfAnnotations(file: string): Array<Record<string, unknown>> {
  requireTool('qpdf');
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  return Object.values(json.qpdf[1]).flatMap((o) => (o.value && o.value['/Type'] === '/Annot' ? [o.value] : []));
}

/** pdf.js's view of a file's annotations, page by page (1-based page numbers). */
export async function pdfjsAnnotations(file: string | Uint8Array): Promise<Array<{ page: number; subtype: string; quadPoints: number[]; contents: string; color: number[] }>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = typeof file === 'string' ? new Uint8Array(readFileSync(file)) : new Uint8Array(file);
  const task = getDocument({ data, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    for (const a of (await page.getAnnotations()) as Array<{ subtype: string; quadPoints?: ArrayLike<number>; contentsObj?: { str: string }; color?: ArrayLike<number> }>) {
      out.push({ page: n, subtype: a.subtype, quadPoints: Array.from(a.quadPoints ?? []), contents: a.contentsObj?.str ?? '', color: Array.from(a.color ?? []) });
    }
  }
  await task.destroy();
  return out;
}
