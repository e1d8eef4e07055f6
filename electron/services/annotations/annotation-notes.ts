import { FolioError } from '../../../shared/api/api-error.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Item } from '../../../shared/model/item.ts';
import { authorsLabel } from '../../../shared/model/item-row.ts';
import { cslYear } from '../../../shared/model/csl.ts';
import { sortAnnotations } from '../../../shared/annotations/annotation-order.ts';
import { annotationsExportMarkdown, annotationsNoteMarkdown, appendToNoteMarkdown } from '../../../shared/annotations/annotation-markdown.ts';
import { MAX_NOTE_CHARS } from '../../../shared/library/record-limits.ts';
import type { ServiceContext } from '../service-context.ts';

/** "Add to note" and the Markdown export: the item's note and its annotations turned into quote blocks. */

/** The chosen annotations (null: all) in page order; an id the item does not have is an error naming it. */
export function pickAnnotations(item: Item, annotationIds: readonly string[] | null): Annotation[] {
  if (annotationIds === null) return sortAnnotations(item.annotations);
  const byId = new Map(item.annotations.map((a) => [a.id, a]));
  const missing = annotationIds.find((id) => !byId.has(id));
  if (missing !== undefined) throw new FolioError('NOT_FOUND', `${item.citationKey} has no annotation ${missing}`, { itemId: item.id });
  const wanted = new Set(annotationIds);
  return sortAnnotations(item.annotations.filter((a) => wanted.has(a.id)));
}

export async function addAnnotationsToNote(ctx: ServiceContext, item: Item, annotationIds: readonly string[] | null): Promise<string> {
  const before = item.note?.markdown ?? '';
  const blocks = annotationsNoteMarkdown(item.id, pickAnnotations(item, annotationIds));
  const markdown = appendToNoteMarkdown(before, blocks);
  if (markdown === before) return before;
  if (markdown.length > MAX_NOTE_CHARS) {
    throw new FolioError('INVALID_ARGUMENT', `The note of ${item.citationKey} would be longer than ${MAX_NOTE_CHARS} characters with these annotations; nothing was added.`, { itemId: item.id });
  }
  const now = ctx.now();
  await ctx.putItems([{ ...item, note: { markdown, modifiedAt: now }, modifiedAt: now }]);
  return markdown;
}

export function exportAnnotationsMarkdown(item: Item, annotationIds: readonly string[] | null): string {
  const header = { citationKey: item.citationKey, title: item.csl.title ?? '', authors: authorsLabel(item), year: cslYear(item.csl) };
  return annotationsExportMarkdown(header, pickAnnotations(item, annotationIds));
}
