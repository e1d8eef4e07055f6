import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { PdfPageInfo, ReadPdfAnnotation } from '../../../shared/annotations/pdf-annotation-import.ts';
import { importedKind, isSkippedMarkup, normalizeRect, type PdfAnnotationRecord } from '../../../shared/annotations/pdf-annotation-model.ts';
import type { PdfRect } from '../../../shared/model/annotation.ts';
import { joinTextPieces, MAX_TEXT_PAGES } from '../fulltext/pdf-page-text.ts';
import { openPdf } from '../fulltext/pdfjs-load.ts';

/** The most annotation objects read from one file: a hostile file cannot make an item unbounded. */
export const MAX_READ_ANNOTATIONS = 10_000;

/** What a file holds: its markup annotations, and the label and text of each page that has some. */
export interface PdfAnnotationScan {
  pageCount: number;
  annotations: ReadPdfAnnotation[];
  pages: Array<[number, PdfPageInfo]>;
}

/** The part of pdf.js's annotation data that is read here. */
interface AnnotationData {
  id?: string;
  subtype?: string;
  rect?: number[];
  quadPoints?: ArrayLike<number> | null;
  color?: ArrayLike<number> | null;
  contentsObj?: { str?: string };
  titleObj?: { str?: string };
  modificationDate?: string | null;
  creationDate?: string | null;
  inReplyTo?: string | null;
  overlaidText?: string;
}

interface PlacedText {
  str: string;
  hasEOL: boolean;
  box: PdfRect;
  /** Where the piece starts in the page's joined text (before hyphens are mended: a hint only). */
  at: number;
}

function placed(items: readonly unknown[]): PlacedText[] {
  const out: PlacedText[] = [];
  let at = 0;
  for (const raw of items) {
    const item = raw as { str?: string; hasEOL?: boolean; transform?: number[]; width?: number; height?: number };
    if (typeof item.str !== 'string') continue;
    const [, , , , x = 0, y = 0] = item.transform ?? [];
    out.push({ str: item.str, hasEOL: item.hasEOL === true, box: [x, y, x + (item.width ?? 0), y + (item.height ?? 0)], at });
    at += item.str.length + (item.hasEOL ? 1 : 0);
  }
  return out;
}

const inside = (x: number, y: number, r: PdfRect) => x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3];
const centre = (b: PdfRect): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

/** The text pieces whose centre lies inside a rectangle (an area drawn around a paragraph or an equation). */
function textInRect(pieces: readonly PlacedText[], rect: PdfRect): string {
  return joinTextPieces(pieces.filter((p) => p.str.trim() !== '' && inside(...centre(p.box), rect)));
}

/** The offset of the first text piece under the annotation's first quad (or its rect). */
function hintFor(pieces: readonly PlacedText[], quadPoints: readonly number[], rect: PdfRect): number {
  const target: PdfRect = quadPoints.length >= 8
    ? normalizeRect([Math.min(quadPoints[0]!, quadPoints[4]!), Math.min(quadPoints[5]!, quadPoints[7]!), Math.max(quadPoints[2]!, quadPoints[6]!), Math.max(quadPoints[1]!, quadPoints[3]!)])
    : rect;
  const [, y] = centre(target);
  const hit = pieces.find((p) => p.box[1] <= y && p.box[3] >= y && p.box[2] >= target[0] && p.box[0] <= target[2]);
  return hit ? hit.at : -1;
}

function pdfText(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** /NM of every annotation by pdf.js's name for its reference ("17R"), read with pdf-lib; empty if that parser fails. */
async function annotationNames(bytes: Uint8Array): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) {
        const ref = annots.get(i);
        if (!(ref instanceof PDFRef)) continue;
        const dict = doc.context.lookupMaybe(ref, PDFDict);
        const name = pdfText(dict?.get(PDFName.of('NM')));
        if (name !== null) names.set(`${ref.objectNumber}R${ref.generationNumber === 0 ? '' : ref.generationNumber}`, name);
      }
    }
  } catch {
    // A file pdf-lib cannot parse keeps its annotations; they are recognised by fingerprint alone.
  }
  return names;
}

function record(data: AnnotationData, pageIndex: number, pieces: readonly PlacedText[] | null): ReadPdfAnnotation {
  const rect = normalizeRect(data.rect ?? [0, 0, 0, 0]);
  const quadPoints = data.quadPoints ? Array.from(data.quadPoints) : [];
  const color = data.color && data.color.length === 3 ? (Array.from(data.color) as [number, number, number]) : null;
  const kind = importedKind(data.subtype ?? '');
  const text = data.overlaidText ?? (kind?.type === 'area' && pieces ? textInRect(pieces, rect) : '');
  const out: PdfAnnotationRecord = {
    ref: data.id ?? '',
    subtype: data.subtype ?? '',
    pageIndex,
    rect,
    quadPoints,
    color,
    contents: data.contentsObj?.str ?? '',
    author: data.titleObj?.str ?? '',
    name: null,
    modified: data.modificationDate ?? null,
    created: data.creationDate ?? null,
    inReplyTo: data.inReplyTo ?? null,
    text,
  };
  return { record: out, textHint: pieces ? hintFor(pieces, quadPoints, rect) : -1 };
}

/**
 * Reads the markup annotations of a PDF with pdf.js (the text under highlights is pdf.js's own `overlaidText`,
 * matched glyph by glyph against the quads) and their /NM with pdf-lib. Pages past the full-text page cap are
 * not read; at most MAX_READ_ANNOTATIONS objects are kept. Runs in the PDF worker thread.
 */
export async function readPdfAnnotations(bytes: Uint8Array): Promise<PdfAnnotationScan> {
  const task = await openPdf(bytes);
  const doc = await task.promise;
  try {
    const labels = await doc.getPageLabels().catch(() => null);
    const annotations: ReadPdfAnnotation[] = [];
    const pages: Array<[number, PdfPageInfo]> = [];
    const count = Math.min(doc.numPages, MAX_TEXT_PAGES);
    for (let n = 1; n <= count && annotations.length < MAX_READ_ANNOTATIONS; n++) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch {
        continue;
      }
      const all = (await page.getAnnotations({ intent: 'any' }).catch(() => [])) as AnnotationData[];
      const markup = all.filter((a) => importedKind(a.subtype ?? '') !== null || isSkippedMarkup(a.subtype ?? ''));
      if (markup.length > 0) {
        const content = await page.getTextContent().catch(() => null);
        const pieces = content ? placed(content.items) : null;
        pages.push([n - 1, { label: labels?.[n - 1] || String(n), text: pieces ? joinTextPieces(pieces) : '' }]);
        for (const data of markup.slice(0, MAX_READ_ANNOTATIONS - annotations.length)) annotations.push(record(data, n - 1, pieces));
      }
      page.cleanup();
    }
    if (annotations.length > 0) {
      const names = await annotationNames(bytes);
      for (const a of annotations) a.record.name = names.get(a.record.ref) ?? null;
    }
    return { pageCount: doc.numPages, annotations, pages };
  } finally {
    await task.destroy();
  }
}
