import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';

export interface PageText {
  text: string;
  size: number;
  y: number;
  rotate?: boolean;
}

/** A one-page PDF drawn with pdf-lib: the given lines, and optionally an info dictionary. */
export async function makePdf(lines: PageText[], info: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  for (const line of lines) {
    page.drawText(line.text, line.rotate ? { x: 30, y: line.y, size: line.size, font, rotate: degrees(90) } : { x: 72, y: line.y, size: line.size, font });
  }
  return doc.save();
}

/** A paper whose page 1 prints its DOI. */
export const doiPaper = () => makePdf([
  { text: 'Deep Residual Learning for Image Recognition', size: 18, y: 700 },
  { text: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun', size: 11, y: 670 },
  { text: 'https://doi.org/10.1109/CVPR.2016.90', size: 8, y: 60 },
]);

/** A preprint with the vertical arXiv stamp in the margin. */
export const arxivPaper = () => makePdf([
  { text: 'Direct Preference Optimization:', size: 17, y: 700 },
  { text: 'Your Language Model is Secretly a Reward Model', size: 17, y: 678 },
  { text: 'Rafael Rafailov, Archit Sharma, Eric Mitchell', size: 11, y: 650 },
  { text: 'arXiv:2305.18290v3 [cs.LG] 29 Jul 2024', size: 20, y: 200, rotate: true },
]);

/** No identifier on the page; the info dictionary names the paper. */
export const infoTitlePaper = () => makePdf([{ text: 'Some body text of a workshop paper.', size: 10, y: 700 }], {
  title: 'A Survey of Retrieval-Augmented Generation',
  author: 'Ada Lovelace; Alan Turing',
});

/** A password-protected copy made with qpdf (installed by .ci/run). */
export function encryptPdf(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'folio-qpdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const asBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
