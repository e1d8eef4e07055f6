import { FolioError } from '../../../shared/api/api-error.ts';
import type { ReanchorResult } from '../../../shared/api/annotations-types.ts';
import { Anchorer } from '../../../shared/annotations/anchoring.ts';
import { sortAnnotations } from '../../../shared/annotations/annotation-order.ts';
import { layoutPage } from '../../../shared/annotations/page-layout.ts';
import { placeOnNewPage, relocateAnnotation, type NewPage } from '../../../shared/annotations/relocate.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import type { Attachment } from '../../../shared/model/item.ts';
import type { PdfImportResult } from '../../../shared/api/attachments-types.ts';
import type { ServiceContext } from '../service-context.ts';
import { attachmentPageLayouts, attachmentPageTexts, type PageTextSource } from './attachment-page-texts.ts';

/** Anchoring runs in slices of about this long, so a thousand annotations never hold up the host. */
const SLICE_MS = 10;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Annotations that sit on another PDF of the item than `target`: the ones a replacing PDF takes over. */
export function annotationsToMove(annotations: readonly Annotation[], target: AttachmentId): Annotation[] {
  return annotations.filter((a) => a.attachmentId !== target);
}

/**
 * Moves every annotation of the item that is on another PDF onto `attachmentId`, anchoring each again by its quote
 * in the new PDF's page texts (the full-text cache, read from the PDF when missing), then placed on its new page:
 * the page's label, and a highlight's quads computed from the glyphs under its quote. One commit at the end; an
 * annotation edited meanwhile is left as the user made it (a later re-anchor moves it).
 */
export async function reanchorItem(ctx: ServiceContext, source: PageTextSource, itemId: ItemId, attachmentId: AttachmentId): Promise<ReanchorResult> {
  const item = ctx.requireItem(itemId);
  const target = item.attachments.find((a) => a.id === attachmentId);
  if (!target) throw new FolioError('NOT_FOUND', `${item.citationKey} has no attachment ${attachmentId}`, { itemId });
  if (target.mediaType !== 'application/pdf') throw new FolioError('INVALID_ARGUMENT', `${target.fileName} is not a PDF; annotations are anchored in PDFs only`, { itemId });
  const moving = annotationsToMove(item.annotations, attachmentId);
  if (moving.length === 0) return { reanchored: 0, orphaned: 0 };

  let pages: string[];
  try {
    pages = await attachmentPageTexts(source, ctx.store.folder, target);
  } catch (error) {
    throw new FolioError('IO', `${item.citationKey}: annotations were not moved to ${target.fileName}: ${error instanceof Error ? error.message : String(error)}`, { itemId });
  }

  const anchorer = new Anchorer(pages);
  const now = ctx.now();
  const relocated = new Map<string, { before: Annotation; after: Annotation }>();
  let sliceStart = Date.now();
  for (const before of moving) {
    relocated.set(before.id, { before, after: relocateAnnotation(before, anchorer, attachmentId, now) });
    if (Date.now() - sliceStart > SLICE_MS) {
      await yieldToHost();
      sliceStart = Date.now();
    }
  }

  await placeOnNewPages(ctx, source, target, pages, relocated);

  // The item as it is now: the user may have edited or deleted annotations while the text was read.
  const current = ctx.store.getItem(itemId);
  if (!current || !current.attachments.some((a) => a.id === attachmentId)) return { reanchored: 0, orphaned: 0 };
  const changed: Annotation[] = [];
  const annotations = current.annotations.map((a) => {
    const move = relocated.get(a.id);
    if (!move || move.before.modifiedAt !== a.modifiedAt || a.attachmentId === attachmentId) return a;
    changed.push(move.after);
    return move.after;
  });
  if (changed.length === 0) return { reanchored: 0, orphaned: 0 };
  await ctx.putItems([{ ...current, annotations: sortAnnotations(annotations), modifiedAt: now }]);
  ctx.hub.emit('onAnnotationsChanged', { itemId, changed, removedIds: [] });
  const orphaned = changed.filter((a) => a.orphaned === true).length;
  return { reanchored: changed.length - orphaned, orphaned };
}

/**
 * Gives every anchored annotation its new page's label and a highlight or underline its quads on the new page.
 * A PDF whose pages cannot be laid out leaves them anchored with the `relocated` mark (the reader's old behaviour).
 */
async function placeOnNewPages(
  ctx: ServiceContext, source: PageTextSource, target: Attachment, pages: readonly string[], relocated: Map<string, { before: Annotation; after: Annotation }>,
): Promise<void> {
  const found = [...relocated.values()].filter(({ after }) => !after.orphaned);
  if (found.length === 0) return;
  const withQuads = found.filter(({ after }) => (after.type === 'highlight' || after.type === 'underline') && after.textOffset >= 0);
  let layouts;
  try {
    layouts = await attachmentPageLayouts(source, ctx.store.folder, target, [...new Set(withQuads.map(({ after }) => after.pageIndex))]);
  } catch (error) {
    console.error(`folio: the pages of ${target.fileName} could not be laid out; moved highlights keep their old quads: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const runs = new Map(layouts.pages);
  const newPages = new Map<number, NewPage>();
  const pageOf = (index: number): NewPage | undefined => {
    const label = layouts.labels[index];
    if (label === undefined) return undefined;
    let page = newPages.get(index);
    if (!page) {
      const pageRuns = runs.get(index);
      page = { label, ...(pageRuns ? { layout: layoutPage(pageRuns) } : {}) };
      newPages.set(index, page);
    }
    return page;
  };
  for (const move of found) move.after = placeOnNewPage(move.after, pageOf(move.after.pageIndex), pages[move.after.pageIndex]);
}

/**
 * After a PDF was attached to an item that has annotations on an older PDF: they move onto the new one. A PDF whose
 * text cannot be read leaves them where they were (the import itself stands) and says so on the console.
 */
export async function reanchorAfterImport(ctx: ServiceContext, source: PageTextSource, result: PdfImportResult): Promise<PdfImportResult> {
  const added = result.item.attachments.at(-1);
  if (result.created || !added || added.mediaType !== 'application/pdf') return result;
  if (annotationsToMove(result.item.annotations, added.id).length === 0) return result;
  try {
    await reanchorItem(ctx, source, result.item.id, added.id);
  } catch (error) {
    console.error(`folio: ${error instanceof Error ? error.message : String(error)}`);
    return result;
  }
  return { ...result, item: ctx.requireItem(result.item.id) };
}
