import { CONTEXT_CHARS } from '../../../shared/annotations/anchoring.ts';
import { MAX_ANNOTATION_TEXT, type AnnotationDraft } from '../../../shared/api/annotations-types.ts';
import { layoutPage } from '../../../shared/annotations/page-layout.ts';
import { textInRect } from '../../../shared/annotations/text-geometry.ts';
import type { Attachment } from '../../../shared/model/item.ts';
import { attachmentPageLayouts, type PageTextSource } from './attachment-page-texts.ts';

type AreaText = Pick<AnnotationDraft, 'text' | 'prefix' | 'suffix' | 'textOffset'>;

/**
 * The text under an area (rectangle) annotation: the page's glyphs inside its rect, read from the PDF (in the
 * worker), with the page text around it as context so it re-anchors like a highlight. Null when the draft
 * already has text, nothing lies under it, or the PDF cannot be read (the area is still made, without text).
 */
export async function areaText(source: PageTextSource, libraryFolder: string, attachment: Attachment, draft: AnnotationDraft): Promise<AreaText | null> {
  if (draft.type !== 'area' || draft.text.trim() !== '' || attachment.mediaType !== 'application/pdf') return null;
  let runs;
  try {
    runs = (await attachmentPageLayouts(source, libraryFolder, attachment, [draft.pageIndex])).pages.find(([i]) => i === draft.pageIndex)?.[1];
  } catch (error) {
    console.error(`folio: the text under an area on ${attachment.fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  if (!runs) return null;
  const layout = layoutPage(runs);
  const found = textInRect(layout, draft.rect);
  if (found.start < 0 || found.text.trim() === '') return null;
  return {
    text: found.text.slice(0, MAX_ANNOTATION_TEXT),
    prefix: layout.text.slice(Math.max(0, found.start - CONTEXT_CHARS), found.start),
    suffix: layout.text.slice(found.end, found.end + CONTEXT_CHARS),
    textOffset: found.start,
  };
}
