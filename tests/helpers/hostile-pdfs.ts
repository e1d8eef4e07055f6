import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Hostile PDFs, written byte by byte so each one is exactly the shape it claims to be. `payload(path)` is
 * JavaScript that, if anything ever ran it, would leave a file at `path` (in any thread or process) and set a
 * global in this one.
 */

export function payload(canaryFile: string): string {
  return `globalThis.folioCanary = 'ran'; globalThis.process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(canaryFile)}, 'ran');`;
}

/** A PDF string literal: backslashes and parentheses escaped. */
const literal = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

interface RawObject {
  body: string | Buffer;
}

/** Serialises numbered objects (1-based, in order) with a correct xref table, unless told to break it. */
function assemble(objects: RawObject[], trailer: string, options: { brokenXref?: boolean } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o.body === 'string' ? Buffer.from(o.body, 'latin1') : o.body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xrefAt = at;
  const rows = offsets.map((off) => `${String(options.brokenXref ? off + 37 : off).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${options.brokenXref ? xrefAt + 1234 : xrefAt}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (content: string | Buffer, extra = '') => {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return { body: Buffer.concat([Buffer.from(`<< /Length ${bytes.length}${extra} >>\nstream\n`), bytes, Buffer.from('\nendstream')]) };
};

const HELVETICA = { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' };
const TEXT = 'BT /F1 14 Tf 72 700 Td (Hostile paper about quokka landscapes) Tj ET';
/** A yellow highlight over the first words of TEXT, so the import has something to read. */
const HIGHLIGHT = { body: '<< /Type /Annot /Subtype /Highlight /Rect [70 695 200 716] /QuadPoints [72 714 198 714 72 697 198 697] /C [1 1 0] /Contents (kept) /F 4 >>' };

/** JavaScript everywhere a PDF can hold it: /OpenAction, the page's /AA, a link's action, a names tree. */
export function javascriptPdf(canaryFile: string): Buffer {
  const js = literal(payload(canaryFile));
  return assemble([
    { body: `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS ${js} >> /AA << /WC << /S /JavaScript /JS ${js} >> >> /Names << /JavaScript 7 0 R >> >>` },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R 8 0 R] /AA << /O << /S /JavaScript /JS ${js} >> /C << /S /JavaScript /JS ${js} >> >> >>` },
    stream(TEXT),
    HELVETICA,
    { body: `<< /Type /Annot /Subtype /Link /Rect [72 600 300 620] /A << /S /JavaScript /JS ${js} >> >>` },
    { body: `<< /Names [(evil) << /S /JavaScript /JS ${js} >>] >>` },
    HIGHLIGHT,
  ], '/Root 1 0 R');
}

/**
 * The shape of CVE-2024-4367: an embedded Type1 font (a real one, Computer Modern from TeX Live) whose /FontMatrix
 * carries a string that old pdf.js pasted into generated glyph-drawing code.
 */
export function fontMatrixPdf(canaryFile: string): Buffer {
  const pfb = execFileSync('kpsewhich', ['cmr10.pfb'], { encoding: 'utf8' }).trim();
  if (pfb === '') throw new Error('cmr10.pfb is not installed: run `apt-get install texlive-fonts-recommended`');
  const font = readFileSync(pfb);
  const evil = literal(`1); ${payload(canaryFile)} //`);
  const widths = Array.from({ length: 95 }, () => 500).join(' ');
  return assemble([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [8 0 R] >>' },
    stream(TEXT),
    { body: `<< /Type /Font /Subtype /Type1 /BaseFont /CMR10 /FirstChar 32 /LastChar 126 /Widths [${widths}] /FontDescriptor 6 0 R /FontMatrix [1 0 0 1 0 ${evil}] >>` },
    { body: '<< /Type /FontDescriptor /FontName /CMR10 /Flags 34 /FontBBox [-40 -250 1009 750] /ItalicAngle 0 /Ascent 750 /Descent -250 /CapHeight 683 /StemV 69 /FontFile 7 0 R >>' },
    stream(font, ` /Length1 ${font.length} /Length2 0 /Length3 0`),
    HIGHLIGHT,
  ], '/Root 1 0 R');
}

/** Offsets in the xref table and startxref that point at the wrong bytes: readers must rebuild the table. */
export function brokenXrefPdf(): Buffer {
  return assemble([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R] >>' },
    stream(TEXT),
    HELVETICA,
    HIGHLIGHT,
  ], '/Root 1 0 R', { brokenXref: true });
}

/** A well-formed PDF with no pages at all. */
export function zeroPagePdf(): Buffer {
  return assemble([{ body: '<< /Type /Catalog /Pages 2 0 R >>' }, { body: '<< /Type /Pages /Kids [] /Count 0 >>' }], '/Root 1 0 R');
}

/** A long book made with pdf-lib: one line of text per page, and a highlight on the page `markedPage` (1-based). */
export async function longPdf(pages: number, markedPage: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Page ${n} of the long book: marker${n}end`, { x: 72, y: 700, size: 12, font });
    if (n === markedPage) {
      page.node.addAnnot(doc.context.register(doc.context.obj({
        Type: 'Annot', Subtype: 'Highlight', Rect: [70, 695, 200, 716], QuadPoints: [72, 714, 198, 714, 72, 697, 198, 697], C: [1, 0, 0], F: 4,
      })));
    }
  }
  return doc.save();
}
