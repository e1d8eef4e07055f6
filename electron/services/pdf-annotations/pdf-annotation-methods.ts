import { userInfo } from 'node:os';
import type { FolioApi } from '../../../shared/api/folio-api.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { MAX_ANNOTATIONS_PER_ITEM } from '../../../shared/api/annotations-types.ts';
import { MAX_PDF_BYTES } from '../../../shared/api/attachments-types.ts';
import type { PdfAnnotationImportResult } from '../../../shared/api/pdf-annotations-types.ts';
import { sortAnnotations } from '../../../shared/annotations/annotation-order.ts';
import { planPdfImport, type PdfImportPlan } from '../../../shared/annotations/pdf-annotation-import.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import { newId } from '../../../shared/model/ids.ts';
import type { Attachment, Item } from '../../../shared/model/item.ts';
import { attachmentsRoot, findAttachment, safeFileName } from '../attachments/attachment-files.ts';
import type { AnnotatedPdf } from './pdf-annotation-writer.ts';
import type { PdfAnnotationScan } from './pdf-annotation-reader.ts';
import { readInsideRoot } from '../safe-library-file.ts';
import type { ServiceContext } from '../service-context.ts';

/** The PDF worker as these methods use it (FulltextWorker in the hosts). Both calls take the bytes over. */
export interface PdfAnnotationWorker {
  readAnnotations(bytes: Uint8Array): Promise<PdfAnnotationScan>;
  exportAnnotated(bytes: Uint8Array, annotations: Annotation[], author: string): Promise<AnnotatedPdf>;
}

/** Who /T names as the author of exported annotations: FOLIO_AUTHOR, else the account's name. */
export function exportAuthor(): string {
  const fromEnv = process.env.FOLIO_AUTHOR?.trim();
  if (fromEnv) return fromEnv.slice(0, 200);
  try {
    return userInfo().username;
  } catch {
    return 'Folio';
  }
}

function requirePdf(item: Item, attachmentId: AttachmentId): Attachment {
  const attachment = findAttachment(item, attachmentId);
  if (attachment.mediaType !== 'application/pdf') {
    throw new FolioError('INVALID_ARGUMENT', `${attachment.fileName} of ${item.citationKey} is not a PDF`, { itemId: item.id });
  }
  return attachment;
}

/** The stored PDF, read through the checked reader (a regular file inside attachments/, bounded). */
async function readAttachment(ctx: ServiceContext, attachment: Attachment): Promise<Uint8Array> {
  const bytes = await readInsideRoot(attachmentsRoot(ctx.store.folder), attachment.path, MAX_PDF_BYTES);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The import plan for one item, capped so the item never holds more annotations than it may. */
export function planFor(item: Item, attachmentId: AttachmentId, scan: PdfAnnotationScan, now: string): PdfImportPlan {
  const plan = planPdfImport({
    attachmentId, read: scan.annotations, pages: new Map(scan.pages), existing: item.annotations, now, newId: () => newId('ann'),
  });
  const room = Math.max(0, MAX_ANNOTATIONS_PER_ITEM - item.annotations.length);
  if (plan.annotations.length <= room) return plan;
  return { annotations: plan.annotations.slice(0, room), skipped: plan.skipped + plan.annotations.length - room };
}

/** The item with the plan's annotations added, in page order. */
export function withImported(item: Item, plan: PdfImportPlan, now: string): Item {
  if (plan.annotations.length === 0) return item;
  return { ...item, annotations: sortAnnotations([...item.annotations, ...plan.annotations]), modifiedAt: now };
}

export interface ExportedPdf {
  fileName: string;
  bytes: Uint8Array;
  written: number;
  skipped: number;
}

/** The attachment's bytes with the item's annotations on it written in; nothing in the library changes. */
export async function exportAnnotatedPdf(ctx: ServiceContext, worker: PdfAnnotationWorker, itemId: ItemId, attachmentId: AttachmentId): Promise<ExportedPdf> {
  const item = ctx.requireItem(itemId);
  const attachment = requirePdf(item, attachmentId);
  const bytes = await readAttachment(ctx, attachment);
  const annotations = sortAnnotations(item.annotations.filter((a) => a.attachmentId === attachmentId));
  let out: AnnotatedPdf;
  try {
    out = await worker.exportAnnotated(bytes, annotations, exportAuthor());
  } catch (error) {
    throw new FolioError('UNSUPPORTED', `${attachment.fileName}: ${(error as Error).message}`, { file: attachment.fileName });
  }
  const fileName = safeFileName(`${item.citationKey}-annotated`);
  return { fileName, bytes: out.bytes, written: out.written, skipped: out.skipped };
}

/** Reads the attachment's annotation objects and adds the new ones to the item in one commit. */
export async function importAnnotationsFromAttachment(ctx: ServiceContext, worker: PdfAnnotationWorker, itemId: ItemId, attachmentId: AttachmentId): Promise<PdfAnnotationImportResult> {
  const attachment = requirePdf(ctx.requireItem(itemId), attachmentId);
  const bytes = await readAttachment(ctx, attachment);
  let scan: PdfAnnotationScan;
  try {
    scan = await worker.readAnnotations(bytes);
  } catch (error) {
    throw new FolioError('PARSE', `${attachment.fileName}: the annotations cannot be read (${(error as Error).message})`, { file: attachment.fileName });
  }
  // The item as it is now: it may have changed while the file was read.
  const item = ctx.requireItem(itemId);
  const now = ctx.now();
  const plan = planFor(item, attachmentId, scan, now);
  if (plan.annotations.length > 0) {
    await ctx.putItems([withImported(item, plan, now)]);
    ctx.hub.emit('onAnnotationsChanged', { itemId, changed: plan.annotations, removedIds: [] });
  }
  return { imported: plan.annotations.length, skipped: plan.skipped };
}

export function createPdfAnnotationMethods(ctx: ServiceContext, worker: PdfAnnotationWorker): Pick<FolioApi['annotations'], 'exportPdf' | 'importFromPdf'> {
  return {
    async exportPdf(itemId, attachmentId) {
      const out = await exportAnnotatedPdf(ctx, worker, itemId, attachmentId);
      return { fileName: out.fileName, dataBase64: Buffer.from(out.bytes).toString('base64') };
    },
    importFromPdf: (itemId, attachmentId) => importAnnotationsFromAttachment(ctx, worker, itemId, attachmentId),
  };
}
