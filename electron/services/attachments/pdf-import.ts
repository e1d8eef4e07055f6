import { FolioError } from '../../../shared/api/api-error.ts';
import type { PdfImportResult } from '../../../shared/api/attachments-types.ts';
import { MAX_PDF_BYTES } from '../../../shared/api/attachments-types.ts';
import { findDuplicatesOf } from '../../../shared/dedupe/index.ts';
import { arxivCsl } from '../../../shared/formats/identifiers/index.ts';
import type { CslItemData } from '../../../shared/model/csl.ts';
import { asAttachmentId, newId, type ItemId } from '../../../shared/model/ids.ts';
import type { Attachment, Item } from '../../../shared/model/item.ts';
import { createItem } from '../../../shared/library/item-factory.ts';
import type { ServiceContext } from '../service-context.ts';
import { DEFAULT_ATTACHMENT_PATTERN, attachmentFileName, removeAttachmentFile, sha256Hex, storeAttachmentFile } from './attachment-files.ts';
import { readPdfMetadata, type PdfMetadata } from './pdf-metadata.ts';
import { planFor, withImported, type PdfAnnotationWorker } from '../pdf-annotations/pdf-annotation-methods.ts';
import type { PdfAnnotationScan } from '../pdf-annotations/pdf-annotation-reader.ts';

export interface PdfImportOptions {
  /** File name pattern; `{key}` is the citation key. */
  pattern?: string;
  /** Reads and matches the PDF but writes nothing. */
  dryRun?: boolean;
  /** Reads the annotation objects in the file too, and adds them to the item (the hosts pass their PDF worker). */
  annotations?: Pick<PdfAnnotationWorker, 'readAnnotations'>;
}

/** The file's annotations, or null when they cannot be read: the PDF is still imported. */
async function scanQuietly(reader: Pick<PdfAnnotationWorker, 'readAnnotations'> | undefined, bytes: Uint8Array): Promise<PdfAnnotationScan | null> {
  if (!reader) return null;
  try {
    return await reader.readAnnotations(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/**
 * The item whose annotations a file carries by id (/NM): a copy exported by Folio, brought back. It goes back
 * to that item, and its annotations, already the item's, are not added again.
 */
function itemWithAnnotationsOf(ctx: ServiceContext, scan: PdfAnnotationScan | null): Item | undefined {
  const names = new Set(scan?.annotations.flatMap((a) => a.record.name ?? []) ?? []);
  if (names.size === 0) return undefined;
  for (const item of ctx.store.items()) {
    if (item.trashedAt === null && item.annotations.some((a) => names.has(a.id))) return item;
  }
  return undefined;
}

function splitName(name: string): { family: string; given?: string } {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? name;
  return parts.length > 0 ? { family, given: parts.join(' ') } : { family };
}

/** What the PDF itself tells us, as CSL. The file name stands in for a title the PDF does not give. */
export function pdfCsl(meta: PdfMetadata, fileName: string): CslItemData {
  const csl: CslItemData = meta.arxivId ? arxivCsl(meta.arxivId) : { type: 'article-journal' };
  if (meta.doi) {
    csl.DOI = meta.doi;
    if (!meta.arxivId) csl.URL = `https://doi.org/${meta.doi}`;
  }
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '').replace(/[_]+/g, ' ').trim();
  csl.title = meta.title ?? stem;
  if (meta.authors.length > 0) csl.author = meta.authors.map(splitName);
  return csl;
}

function itemWithSameFile(ctx: ServiceContext, sha: string): Item | undefined {
  let trashed: Item | undefined;
  for (const item of ctx.store.items()) {
    if (!item.attachments.some((a) => a.sha256 === sha)) continue;
    if (item.trashedAt === null) return item;
    trashed ??= item;
  }
  return trashed;
}

/** An item the PDF belongs to by DOI or arXiv id: the PDF of a paper added from a listing or by identifier. */
function itemWithSameIdentifier(ctx: ServiceContext, csl: CslItemData): Item | undefined {
  if (!csl.DOI) return undefined;
  const existing = [...ctx.store.items()].filter((i) => i.trashedAt === null).map((i) => ({ id: i.id, csl: i.csl }));
  const pair = findDuplicatesOf([{ id: '\u0000new', csl }], existing).find((p) => p.reason === 'doi' || p.reason === 'arxiv');
  return pair ? ctx.store.getItem(pair.b as ItemId) : undefined;
}

function uniqueName(item: Item, wanted: string): string {
  const taken = new Set(item.attachments.map((a) => a.path.split('/').pop()?.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const name = wanted.replace(/\.pdf$/i, `-${n}.pdf`);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Imports one PDF: checked and read first (a broken file leaves nothing behind), then copied
 * into `<library>/attachments/<item-id>/` and committed. An identical file already in the library
 * is reported as `duplicateOf` and not copied again.
 */
export async function importPdfBytes(ctx: ServiceContext, fileName: string, bytes: Uint8Array, itemId: ItemId | null, options: PdfImportOptions = {}): Promise<PdfImportResult> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new FolioError('INVALID_ARGUMENT', `${fileName}: too large (${Math.round(bytes.length / 1024 / 1024)} MB; the limit is ${MAX_PDF_BYTES / 1024 / 1024} MB)`);
  }
  const target = itemId ? ctx.requireItem(itemId) : null;
  const meta = await readPdfMetadata(fileName, bytes);
  const sha = sha256Hex(bytes);
  const same = itemWithSameFile(ctx, sha);
  if (same) return { item: same, created: false, duplicateOf: same.id };

  const scan = await scanQuietly(options.annotations, bytes);
  const csl = pdfCsl(meta, fileName);
  const now = ctx.now();
  const owner = target ?? itemWithSameIdentifier(ctx, csl) ?? itemWithAnnotationsOf(ctx, scan);
  let item: Item;
  if (owner) {
    item = owner;
  } else {
    item = createItem({ csl, citationKey: ctx.keys.generate(csl, ctx.store.settings().keyPattern), now });
    // A DOI or arXiv id but no authors: the lookup can fill the rest when online.
    if ((meta.doi || meta.arxivId) && meta.authors.length === 0) item.metadataPending = true;
  }
  const name = uniqueName(item, attachmentFileName(options.pattern ?? DEFAULT_ATTACHMENT_PATTERN, item.citationKey));
  const attachmentId = asAttachmentId(newId('att'));
  const plan = scan ? planFor(item, attachmentId, scan, now) : null;
  const annotations = plan ? { imported: plan.annotations.length, skipped: plan.skipped } : undefined;
  if (options.dryRun) return { item, created: !owner, duplicateOf: null, ...(annotations ? { annotations } : {}) };

  const path = await storeAttachmentFile(ctx.store.folder, item.id, name, bytes);
  const attachment: Attachment = {
    id: attachmentId,
    path,
    fileName: fileName.replace(/^.*[\\/]/, ''),
    mediaType: 'application/pdf',
    size: bytes.length,
    sha256: sha,
    addedAt: now,
  };
  const annotated = plan ? withImported(item, plan, now) : item;
  const saved: Item = { ...annotated, attachments: [...item.attachments, attachment], modifiedAt: now };
  if (!owner) ctx.keys.add(saved);
  try {
    await ctx.putItems([saved]);
  } catch (error) {
    if (!owner) ctx.keys.remove(saved);
    await removeAttachmentFile(ctx.store.folder, path).catch(() => undefined);
    throw error;
  }
  if (plan && plan.annotations.length > 0) ctx.hub.emit('onAnnotationsChanged', { itemId: saved.id, changed: plan.annotations, removedIds: [] });
  return { item: saved, created: !owner, duplicateOf: null, ...(annotations ? { annotations } : {}) };
}
