import type { AttachmentId, ItemId } from '../model/ids.ts';
import type { Annotation, AnnotationColor, AnnotationType, PdfQuad, PdfRect } from '../model/annotation.ts';

/** Types of the `annotations` group. */

/** The largest comment, quote or context one annotation carries. */
export const MAX_ANNOTATION_TEXT = 100_000;
/**
 * The most annotations one item holds. An item is one record, bounded by RECORD_LIMITS (500,000 values): 10,000
 * highlights of a few lines each fit with room for the rest of the item, so the count is refused before the
 * record limit is reached.
 */
export const MAX_ANNOTATIONS_PER_ITEM = 10_000;

/** What the reader sends to create an annotation; the service adds id, times and checks the rest. */
export interface AnnotationDraft {
  attachmentId: AttachmentId;
  type: AnnotationType;
  color: AnnotationColor;
  pageIndex: number;
  pageLabel: string;
  quads: PdfQuad[];
  rect: PdfRect;
  text: string;
  prefix: string;
  suffix: string;
  textOffset: number;
  comment?: string;
  tags?: string[];
}

/** The fields an edit may change. */
export interface AnnotationPatch {
  color?: AnnotationColor;
  comment?: string;
  tags?: string[];
  /** Moving or resizing an area or note, or re-anchoring a highlight by hand. */
  quads?: PdfQuad[];
  rect?: PdfRect;
}

/** The annotations of an item after a change, with what changed, pushed as onAnnotationsChanged. */
export interface AnnotationsChangedEvent {
  itemId: ItemId;
  /** Created or edited. */
  changed: Annotation[];
  /** Ids of deleted annotations. */
  removedIds: string[];
}
