import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFPage } from 'pdf-lib';
import { appearanceFor } from '../../../shared/annotations/pdf-appearance.ts';
import {
  folioFingerprint, nearestColor, recordFingerprint, toPdfFields, type PdfAnnotationFields, type PdfAnnotationRecord,
} from '../../../shared/annotations/pdf-annotation-model.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { PdfAnnotationScan } from './pdf-annotation-reader.ts';

export interface AnnotatedPdf {
  bytes: Uint8Array;
  /** Annotations written as new objects. */
  written: number;
  /** Of those, imported ones edited in Folio (comment or colour) that replace the file's own object in the copy. */
  replaced: number;
  /** Left out: already in the file (by /NM or fingerprint), orphaned, or on a page the file does not have. */
  skipped: number;
}

/** Thrown for a file pdf-lib cannot rewrite; the caller names the file. */
export class UnwritablePdfError extends Error {}

function addAnnotation(doc: PDFDocument, page: PDFPage, fields: PdfAnnotationFields): void {
  const { context } = doc;
  const ap = appearanceFor(fields);
  const resources = ap.blend
    ? { ExtGState: { GS0: { Type: 'ExtGState', BM: ap.blend.mode, ca: ap.blend.opacity, CA: ap.blend.opacity } } }
    : {};
  const apRef = context.register(context.stream(ap.content, { Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: ap.bbox, Resources: resources }));
  const dict = context.obj({
    Type: 'Annot',
    Subtype: fields.subtype,
    Rect: fields.rect,
    C: fields.color,
    CA: fields.opacity,
    F: 4,
    P: page.ref,
    Border: [0, 0, fields.subtype === 'Square' ? 1.5 : 0],
    AP: { N: apRef },
    ...(fields.quadPoints.length > 0 ? { QuadPoints: fields.quadPoints } : {}),
    ...(fields.subtype === 'Text' ? { Name: 'Comment', Open: false } : {}),
    ...(fields.subtype === 'Square' ? { BS: { W: 1.5, S: 'S' } } : {}),
  });
  dict.set(PDFName.of('Contents'), PDFHexString.fromText(fields.contents));
  dict.set(PDFName.of('NM'), PDFString.of(fields.name));
  dict.set(PDFName.of('M'), PDFString.of(fields.modified));
  dict.set(PDFName.of('CreationDate'), PDFString.of(fields.created));
  if (fields.author !== '') dict.set(PDFName.of('T'), PDFHexString.fromText(fields.author));
  page.node.addAnnot(context.register(dict));
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Imported from this file and since given another comment or colour in Folio. */
function editedSince(annotation: Annotation, record: PdfAnnotationRecord): boolean {
  return squeeze(record.contents) !== squeeze(annotation.comment) || nearestColor(record.color) !== annotation.color;
}

/** pdf.js names a reference "17R" (generation 0) or "17R2". */
function refOf(name: string): PDFRef | null {
  const m = /^(\d+)R(\d*)$/.exec(name);
  return m ? PDFRef.of(Number(m[1]), m[2] ? Number(m[2]) : 0) : null;
}

/** Takes an object (and its popup) off its page's /Annots in the copy; the object itself is left unreferenced. */
function detach(doc: PDFDocument, page: PDFPage, name: string): void {
  const ref = refOf(name);
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!ref || !annots) return;
  const popup = doc.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of('Popup'));
  for (let i = annots.size() - 1; i >= 0; i--) {
    const entry = annots.get(i);
    if (entry instanceof PDFRef && (entry === ref || entry === popup)) annots.remove(i);
  }
}

/**
 * A copy of `bytes` with Folio's annotations added as standard annotation objects with appearance streams.
 * What the file already holds is never written twice: an annotation imported from it (its fingerprint) or
 * exported into it before (its id as /NM) is left out, unless it was imported and then given another comment or
 * colour in Folio: then Folio's version takes the place of the file's object in the copy. `existing` is the file
 * as the reader saw it.
 */
export async function writeAnnotatedPdf(bytes: Uint8Array, annotations: readonly Annotation[], existing: PdfAnnotationScan, author: string): Promise<AnnotatedPdf> {
  const names = new Set(existing.annotations.flatMap((a) => (a.record.name === null ? [] : [a.record.name])));
  const byPrint = new Map(existing.annotations.flatMap((a) => {
    const print = recordFingerprint(a.record);
    return print === null ? [] : [[print, a.record] as const];
  }));
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new UnwritablePdfError('the PDF is encrypted; Folio cannot write annotations into it');
    throw new UnwritablePdfError(`the PDF cannot be rewritten (${(error as Error).message})`);
  }
  const pages = doc.getPages();
  let written = 0;
  let replaced = 0;
  let skipped = 0;
  for (const annotation of annotations) {
    const page = pages[annotation.pageIndex];
    const source = annotation.pdfFingerprint === undefined ? undefined : byPrint.get(annotation.pdfFingerprint);
    const edited = page !== undefined && source !== undefined && source.pageIndex === annotation.pageIndex && editedSince(annotation, source);
    const known = names.has(annotation.id) || byPrint.has(folioFingerprint(annotation)) || source !== undefined;
    if (!page || (known && !edited) || annotation.orphaned) {
      skipped++;
      continue;
    }
    if (edited) {
      detach(doc, page, source.ref);
      replaced++;
    }
    addAnnotation(doc, page, toPdfFields(annotation, author));
    written++;
  }
  // Plain objects and a classic cross-reference table: every reader and checker takes that form.
  return { bytes: await doc.save({ useObjectStreams: false, updateFieldAppearances: false }), written, replaced, skipped };
}
