import type { Annotation, PdfQuad, PdfRect } from '../model/annotation.ts';
import type { AttachmentId } from '../model/ids.ts';
import {
  folioFingerprint, importedKind, isSkippedMarkup, nearestColor, normalizeRect, parsePdfDate, pdfNumber, quadsBounds, quadsFromPoints,
  recordFingerprint, type PdfAnnotationRecord,
} from './pdf-annotation-model.ts';
import { cleanQuote, locateQuote } from './quote-context.ts';

/** What the reader learnt about one page of the file. */
export interface PdfPageInfo {
  label: string;
  /** The page text, as the full-text cache holds it. */
  text: string;
}

/** An annotation object read from a PDF, with the approximate offset of the text under it in its page's text. */
export interface ReadPdfAnnotation {
  record: PdfAnnotationRecord;
  textHint: number;
}

export interface PdfImportPlan {
  annotations: Annotation[];
  /** Markup Folio has no type for (ink, stamps, ...) plus objects the item already holds. */
  skipped: number;
}

export interface PdfImportInput {
  attachmentId: AttachmentId;
  read: readonly ReadPdfAnnotation[];
  pages: ReadonlyMap<number, PdfPageInfo>;
  /** The item's annotations now: what was imported or exported before is recognised by /NM or fingerprint. */
  existing: readonly Annotation[];
  now: string;
  newId: () => string;
}

/**
 * Turns the annotation objects of a file into new Folio annotations, leaving out what the item already has:
 * an object whose /NM is the id of one of its annotations (Folio's own export) or whose fingerprint matches
 * one imported before or one of Folio's. A reply (/IRT) is added to the comment of the annotation it answers.
 */
export function planPdfImport(input: PdfImportInput): PdfImportPlan {
  const ids = new Set(input.existing.map((a) => a.id));
  const known = new Set(input.existing.flatMap((a) => [folioFingerprint(a), ...(a.pdfFingerprint ? [a.pdfFingerprint] : [])]));
  const replies = new Map<string, PdfAnnotationRecord[]>();
  for (const { record } of input.read) {
    if (record.inReplyTo && importedKind(record.subtype)?.type === 'note') {
      replies.set(record.inReplyTo, [...(replies.get(record.inReplyTo) ?? []), record]);
    }
  }
  const replyRefs = new Set([...replies.values()].flat().map((r) => r.ref));
  const out: Annotation[] = [];
  let skipped = 0;
  for (const { record, textHint } of input.read) {
    if (replyRefs.has(record.ref) && input.read.some((r) => r.record.ref === record.inReplyTo)) continue;
    const kind = importedKind(record.subtype);
    if (!kind) {
      if (isSkippedMarkup(record.subtype)) skipped++;
      continue;
    }
    const fingerprint = recordFingerprint(record)!;
    if ((record.name !== null && ids.has(record.name)) || known.has(fingerprint)) {
      skipped++;
      continue;
    }
    known.add(fingerprint);
    const quads = kind.type === 'highlight' || kind.type === 'underline' ? quadsFromPoints(record.quadPoints).map((q) => q.map(pdfNumber) as PdfQuad) : [];
    if ((kind.type === 'highlight' || kind.type === 'underline') && quads.length === 0) {
      skipped++;
      continue;
    }
    const page = input.pages.get(record.pageIndex);
    const text = cleanQuote(record.text);
    const context = text !== '' && page ? locateQuote(page.text, text, textHint) : { offset: -1, prefix: '', suffix: '' };
    const answers = (replies.get(record.ref) ?? []).map((r) => `${r.author ? `${r.author}: ` : ''}${r.contents}`.trim()).filter((r) => r !== '');
    const comment = [record.contents.trim(), ...answers].filter((c) => c !== '').join('\n\n');
    const created = parsePdfDate(record.created) ?? parsePdfDate(record.modified) ?? input.now;
    out.push({
      id: input.newId(),
      attachmentId: input.attachmentId,
      type: kind.type,
      color: nearestColor(record.color),
      pageIndex: record.pageIndex,
      pageLabel: page?.label ?? String(record.pageIndex + 1),
      quads,
      rect: quads.length > 0 ? quadsBounds(quads) : (normalizeRect(record.rect).map(pdfNumber) as PdfRect),
      text,
      prefix: context.prefix,
      suffix: context.suffix,
      textOffset: context.offset,
      comment,
      tags: kind.tag ? [kind.tag] : [],
      createdAt: created,
      modifiedAt: parsePdfDate(record.modified) ?? created,
      pdfFingerprint: fingerprint,
    });
  }
  return { annotations: out, skipped };
}
