import type { FolioApi } from '../../../shared/api/folio-api.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { MAX_ANNOTATIONS_PER_ITEM, type AnnotationDraft } from '../../../shared/api/annotations-types.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Attachment, Item } from '../../../shared/model/item.ts';
import { newId } from '../../../shared/model/ids.ts';
import { sortAnnotations } from '../../../shared/annotations/annotation-order.ts';
import type { ServiceContext } from '../service-context.ts';
import { addAnnotationsToNote, exportAnnotationsMarkdown } from './annotation-notes.ts';
import { reanchorItem } from './annotation-reanchor.ts';
import { areaText } from './area-text.ts';
import type { PageTextSource } from './attachment-page-texts.ts';

/**
 * The `annotations` group. An annotation is part of its item: every change is one item commit through the
 * store's journal, so it is durable as soon as the call answers, like any other edit.
 */
/** The data side of the group; exportPdf and importFromPdf are in pdf-annotations/pdf-annotation-methods.ts. */
export function createAnnotationMethods(ctx: ServiceContext, pageTexts: PageTextSource): Omit<FolioApi['annotations'], 'exportPdf' | 'importFromPdf'> {
  async function commit(item: Item, annotations: Annotation[], changed: Annotation[], removedIds: string[]): Promise<void> {
    const now = ctx.now();
    await ctx.putItems([{ ...item, annotations: sortAnnotations(annotations), modifiedAt: now }]);
    ctx.hub.emit('onAnnotationsChanged', { itemId: item.id, changed, removedIds });
  }

  function requirePdf(item: Item, draft: AnnotationDraft): Attachment {
    const attachment = item.attachments.find((a) => a.id === draft.attachmentId);
    if (!attachment) throw new FolioError('NOT_FOUND', `${item.citationKey} has no attachment ${draft.attachmentId}`, { itemId: item.id });
    return attachment;
  }

  return {
    async list(itemId) {
      return sortAnnotations(ctx.requireItem(itemId).annotations);
    },
    async create(itemId, draft) {
      const checked = ctx.requireItem(itemId);
      const attachment = requirePdf(checked, draft);
      if (checked.annotations.length >= MAX_ANNOTATIONS_PER_ITEM) {
        throw new FolioError('INVALID_ARGUMENT', `${checked.citationKey} already has ${MAX_ANNOTATIONS_PER_ITEM} annotations, the most one item holds`, { itemId });
      }
      // An area gets the text under it from the PDF, so search, export and the sidebar have it (CLI and API too).
      const underArea = await areaText(pageTexts, ctx.store.folder, attachment, draft);
      // The item as it is after the read: another edit may have landed meanwhile.
      const item = underArea ? ctx.requireItem(itemId) : checked;
      if (underArea) requirePdf(item, draft);
      const now = ctx.now();
      const annotation: Annotation = {
        id: newId('ann'),
        attachmentId: draft.attachmentId,
        type: draft.type,
        color: draft.color,
        pageIndex: draft.pageIndex,
        pageLabel: draft.pageLabel,
        quads: draft.quads,
        rect: draft.rect,
        ...(underArea ?? { text: draft.text, prefix: draft.prefix, suffix: draft.suffix, textOffset: draft.textOffset }),
        comment: draft.comment ?? '',
        tags: [...new Set(draft.tags ?? [])],
        createdAt: now,
        modifiedAt: now,
      };
      await commit(item, [...item.annotations, annotation], [annotation], []);
      return annotation;
    },
    async update(itemId, annotationId, patch) {
      const item = ctx.requireItem(itemId);
      const before = item.annotations.find((a) => a.id === annotationId);
      if (!before) throw new FolioError('NOT_FOUND', `${item.citationKey} has no annotation ${annotationId}`, { itemId });
      const { relocated: _relocated, ...rest } = before;
      const moved = patch.quads !== undefined || patch.rect !== undefined;
      const after: Annotation = {
        ...(moved ? rest : before),
        ...(patch.color !== undefined ? { color: patch.color } : {}),
        ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
        ...(patch.tags !== undefined ? { tags: [...new Set(patch.tags)] } : {}),
        ...(patch.quads !== undefined ? { quads: patch.quads } : {}),
        ...(patch.rect !== undefined ? { rect: patch.rect } : {}),
        modifiedAt: ctx.now(),
      };
      await commit(item, item.annotations.map((a) => (a.id === annotationId ? after : a)), [after], []);
      return after;
    },
    async remove(itemId, annotationIds) {
      const item = ctx.requireItem(itemId);
      const gone = new Set(annotationIds);
      const kept = item.annotations.filter((a) => !gone.has(a.id));
      if (kept.length === item.annotations.length) return;
      const removedIds = item.annotations.filter((a) => gone.has(a.id)).map((a) => a.id);
      await commit(item, kept, [], removedIds);
    },
    async addToNote(itemId, annotationIds) {
      return addAnnotationsToNote(ctx, ctx.requireItem(itemId), annotationIds);
    },
    async exportMarkdown(itemId, annotationIds) {
      return exportAnnotationsMarkdown(ctx.requireItem(itemId), annotationIds);
    },
    reanchor: (itemId, attachmentId) => reanchorItem(ctx, pageTexts, itemId, attachmentId),
  };
}
