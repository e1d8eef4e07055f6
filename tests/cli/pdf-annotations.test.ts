import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFolioService } from '../../electron/services/folio-service.ts';
import type { Annotation, PdfQuad } from '../../shared/model/annotation.ts';
import type { Item } from '../../shared/model/item.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { latexPaper, mutoolAnnotate, pdfjsAnnotations, qpdfAnnotations } from '../helpers/annotated-pdfs.ts';

/**
 * The PDF side of annotations through the real CLI: annotations made by another tool (MuPDF's `mutool run`) on a
 * pdflatex paper are imported with their quotes; Folio's own are exported into a copy that pdf.js, mutool and qpdf
 * all read back; nothing is ever imported or written twice.
 */

const PAGES = [
  'The quick brown fox jumps over the lazy dog while the committee reviews the proposal.',
  'Second page: the loss landscape of quokkas is surprisingly flat near wide minima.',
  'Third page: scaled dot-product attention divides the logits by the square root of the width.',
];

let dir: string;
let lib: string;
let marked: string;

async function withService<T>(folder: string, run: (api: Awaited<ReturnType<typeof openFolioService>>) => Promise<T>): Promise<T> {
  const service = await openFolioService(folder, 'test', { host: 'web', search: { inThread: true } });
  await service.ready;
  try {
    return await run(service);
  } finally {
    await service.dispose();
  }
}

const onlyItem = (folder: string) => withService(folder, async (s) => [...s.store.items()] as Item[]);

/** MuPDF's quads for a phrase, in PDF user space (MuPDF's page space runs top-down). */
function mupdfQuads(file: string, pageIndex: number, phrase: string): PdfQuad[] {
  const script = join(dir, 'quads.js');
  execFileSync('sh', ['-c', `cat > ${script}`], {
    input: `var doc = new PDFDocument(scriptArgs[0]); var p = doc.loadPage(${pageIndex}); var h = p.bound()[3];
var q = p.search(${JSON.stringify(phrase)})[0]; print(JSON.stringify(q.map(function (r) { return [r[0], h - r[1], r[2], h - r[3], r[4], h - r[5], r[6], h - r[7]]; })));`,
  });
  return JSON.parse(execFileSync('mutool', ['run', script, file], { encoding: 'utf8' })) as PdfQuad[];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-pdf-annotations-'));
  lib = join(dir, 'library');
  mkdirSync(lib);
  const paper = latexPaper(dir, PAGES);
  marked = join(dir, 'marked.pdf');
  mutoolAnnotate(dir, paper.pdf, marked, `
var p1 = page(0), p2 = page(1), p3 = page(2);
var h = p1.createAnnotation("Highlight"); h.setQuadPoints(quadsOf(p1, "quick brown fox")); h.setColor([0, 1, 0]); h.setContents("Fox: $e^{i\\\\pi} + 1 = 0$"); h.update();
var u = p2.createAnnotation("Underline"); u.setQuadPoints(quadsOf(p2, "loss landscape")); u.setColor([0, 0, 1]); u.update();
var s = p2.createAnnotation("StrikeOut"); s.setQuadPoints(quadsOf(p2, "surprisingly flat")); s.setColor([1, 0, 0]); s.update();
var t = p3.createAnnotation("Text"); t.setRect([500, 80, 520, 100]); t.setContents("Check the scaling"); t.update();
var sq = p3.createAnnotation("Square"); sq.setRect([100, 100, 300, 200]); sq.setColor([1, 0, 0]); sq.update();
var ink = p3.createAnnotation("Ink"); ink.setInkList([[[100, 300], [150, 350], [200, 320]]]); ink.update();
`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('annotations already in a PDF', () => {
  it('are imported with the PDF: quotes from the page text, comments, nearest colours; the file is kept as it was', async () => {
    const r = runFolio(['import', marked, '--library', lib]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Imported 1 item from marked.pdf, with 5 annotations');
    const [item] = await onlyItem(lib);
    const byType = (type: string) => item!.annotations.filter((a) => a.type === type);
    const [highlight] = byType('highlight');
    expect(highlight).toMatchObject({ pageIndex: 0, pageLabel: '1', color: 'green', text: 'quick brown fox', comment: 'Fox: $e^{i\\pi} + 1 = 0$' });
    expect(highlight!.prefix).toMatch(/The $/);
    expect(highlight!.suffix).toMatch(/^ jumps over/);
    expect(highlight!.pdfFingerprint).toMatch(/^highlight:0:/);
    const underlines = byType('underline');
    expect(underlines.map((a) => [a.text, a.color, a.tags])).toEqual([['loss landscape', 'blue', []], ['surprisingly flat', 'red', ['strikeout']]]);
    expect(byType('note')).toMatchObject([{ pageIndex: 2, comment: 'Check the scaling', quads: [] }]);
    // MuPDF's page space runs top-down on this 792 pt (US letter) page: its [100, 100, 300, 200] is PDF's [100, 592, 300, 692].
    expect(byType('area')).toMatchObject([{ pageIndex: 2, color: 'red', rect: [100, 592, 300, 692] }]);
    const stored = join(lib, 'attachments', item!.id, readdirSync(join(lib, 'attachments', item!.id))[0]!);
    expect(readFileSync(stored).equals(readFileSync(marked))).toBe(true);
  });

  it('are never imported twice: the same file again, or on request for the attached PDF', async () => {
    const again = runFolio(['import', marked, '--library', lib]);
    expect(again.stdout).toContain('with 0 annotations');
    const [item] = await onlyItem(lib);
    const onRequest = runFolio(['pdf', 'import-annotations', '--library', lib, '--key', item!.citationKey]);
    expect(onRequest.status).toBe(0);
    // Five already there, and the ink stroke, which Folio has no type for.
    expect(onRequest.stdout).toContain('Imported 0 annotations from marked.pdf; skipped 6');
    expect((await onlyItem(lib))[0]!.annotations).toHaveLength(5);
  });
});

describe('folio pdf export', () => {
  let created: Annotation;
  let exported: string;

  beforeAll(async () => {
    const quads = mupdfQuads(marked, 2, 'scaled dot-product attention');
    created = await withService(lib, async (s) => {
      const [item] = [...s.store.items()];
      const attachmentId = item!.attachments[0]!.id;
      // An imported highlight given a new comment in Folio: its version replaces the file's object in the copy.
      const fox = item!.annotations.find((a) => a.text === 'quick brown fox')!;
      await s.api.annotations.update(item!.id, fox.id, { comment: 'Fox, revised in Folio' });
      return s.api.annotations.create(item!.id, {
        attachmentId, type: 'highlight', color: 'purple', pageIndex: 2, pageLabel: '3', quads,
        rect: [quads[0]![0], quads[0]![5], quads[0]![2], quads[0]![1]], text: 'scaled dot-product attention', prefix: 'Third page: ', suffix: ' divides',
        textOffset: 12, comment: 'Why $\\sqrt{d_k}$?',
      });
    });
    exported = join(dir, 'exported.pdf');
    const [item] = await onlyItem(lib);
    const r = runFolio(['pdf', 'export', '--library', lib, '--key', item!.citationKey, '-o', exported]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('writes real annotation objects that pdf.js reads: subtype, quads and comment, nothing duplicated', async () => {
    const annotations = await pdfjsAnnotations(exported);
    const ours = annotations.filter((a) => a.page === 3 && a.subtype === 'Highlight');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.contents).toBe('Why $\\sqrt{d_k}$?');
    ours[0]!.quadPoints.forEach((v, i) => expect(v).toBeCloseTo(created.quads[0]![i]!, 2));
    // The file's own annotations are there once: as they were, or as edited in Folio.
    expect(annotations.filter((a) => a.subtype === 'Highlight').map((a) => [a.page, a.contents])).toEqual([[1, 'Fox, revised in Folio'], [3, 'Why $\\sqrt{d_k}$?']]);
    expect(annotations.filter((a) => a.subtype === 'Underline' || a.subtype === 'StrikeOut')).toHaveLength(2);
  });

  it('is read alike by qpdf and mutool: /Highlight with /QuadPoints, /Contents, /NM and an appearance stream', () => {
    const ours = qpdfAnnotations(exported).filter((a) => a['/NM'] === `u:${created.id}`);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ '/Subtype': '/Highlight', '/Contents': 'u:Why $\\sqrt{d_k}$?' });
    expect((ours[0]!['/AP'] as Record<string, string>)['/N']).toMatch(/^\d+ 0 R$/);
    (ours[0]!['/QuadPoints'] as number[]).forEach((v, i) => expect(v).toBeCloseTo(created.quads[0]![i]!, 2));
    const script = join(dir, 'read.js');
    execFileSync('sh', ['-c', `cat > ${script}`], {
      input: `var doc = new PDFDocument(scriptArgs[0]); var p = doc.loadPage(2); var list = p.getAnnotations();
for (var i = 0; i < list.length; i++) print(list[i].getType() + "|" + list[i].getContents() + "|" + (list[i].hasQuadPoints() ? list[i].getQuadPoints().length : 0));`,
    });
    const lines = execFileSync('mutool', ['run', script, exported], { encoding: 'utf8' });
    expect(lines).toContain('Highlight|Why $\\sqrt{d_k}$?|1');
    expect(execFileSync('qpdf', ['--check', exported], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(execFileSync('pdftotext', [exported, '-'], { encoding: 'utf8' })).toContain('scaled dot-product attention divides the logits');
  });

  it('brought back, the copy goes to its item and adds nothing; into another library it brings every annotation once', async () => {
    const [before] = await onlyItem(lib);
    const back = runFolio(['import', exported, '--library', lib]);
    expect(back.stdout).toContain(`attached ${exported} to ${before!.citationKey}`);
    expect(back.stdout).toContain('with 0 annotations');
    const [after] = await onlyItem(lib);
    expect(after!.annotations.map((a) => a.id).sort()).toEqual(before!.annotations.map((a) => a.id).sort());
    const other = join(dir, 'other-library');
    mkdirSync(other);
    expect(runFolio(['import', exported, '--library', other]).stdout).toContain('with 6 annotations');
    const [copy] = await onlyItem(other);
    expect(copy!.annotations.filter((a) => a.text === 'scaled dot-product attention')).toMatchObject([{ color: 'purple', comment: 'Why $\\sqrt{d_k}$?' }]);
  });

  it('never writes over the stored PDF itself', async () => {
    const [item] = await onlyItem(lib);
    const stored = join(lib, 'attachments', item!.attachments[0]!.path);
    const bytes = readFileSync(stored);
    const r = runFolio(['pdf', 'export', '--library', lib, '--key', item!.citationKey, '-o', stored]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('never modifies it in place');
    expect(readFileSync(stored).equals(bytes)).toBe(true);
  });
});
