import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF with one page per entry, each page the given lines from the top, drawn with pdf-lib. */
export async function makePagedPdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    lines.forEach((text, i) => page.drawText(text, { x: 72, y: 720 - 16 * i, size: 11, font }));
  }
  return doc.save();
}

/** Two versions of a paper: v2 has a notice on top, one changed word, a section moved a page on, one sentence gone. */
export const PAPER_V1 = [
  ['Deep Residual Learning for Image Recognition', 'Abstract', 'Deeper neural networks are more difficult to train.', 'We present a residual learning framework to ease the training of networks.'],
  ['1 Introduction', 'Deep convolutional neural networks have led to a series of breakthroughs.', 'This sentence is removed in the second version of the paper.'],
  ['2 Related Work', 'Residual representations are used in image retrieval and classification.'],
];
export const PAPER_V2 = [
  ['This version corrects the tables of the first one.', 'Deep Residual Learning for Image Recognition', 'Abstract', 'Deeper neural networks are much more difficult to train.', 'We present a residual learning framework to ease the training of networks.'],
  ['1 Introduction', 'Deep convolutional neural networks have led to a series of breakthroughs.'],
  ['Figure 1: training error on CIFAR-10.'],
  ['2 Related Work', 'Residual representations are used in image retrieval and classification.'],
];
