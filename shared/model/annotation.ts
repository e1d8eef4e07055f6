import type { AttachmentId } from './ids.ts';

/**
 * An annotation on a page of an item's PDF, kept in the item (`item.annotations`) as plain data.
 * The PDF file itself is never modified; "Export PDF with annotations" writes a copy.
 * docs/storage.md documents this shape.
 */

export type AnnotationType = 'highlight' | 'underline' | 'note' | 'area';
export const ANNOTATION_TYPES: readonly AnnotationType[] = ['highlight', 'underline', 'note', 'area'];

/** The eight colours, by name; `ANNOTATION_COLOR_HEX` has their RGB. */
export const ANNOTATION_COLORS = ['yellow', 'red', 'green', 'blue', 'purple', 'magenta', 'orange', 'gray'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];
export const ANNOTATION_COLOR_HEX: Readonly<Record<AnnotationColor, string>> = {
  yellow: '#ffd400',
  red: '#ff6666',
  green: '#5fb236',
  blue: '#2ea8e5',
  purple: '#a28ae5',
  magenta: '#e56eee',
  orange: '#f19837',
  gray: '#aaaaaa',
};

/**
 * A rectangle in PDF user space (points, origin bottom-left, before the page's /Rotate):
 * [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2, as a PDF /Rect.
 */
export type PdfRect = [number, number, number, number];

/**
 * One quadrilateral in PDF user space, in /QuadPoints order:
 * [x1, y1, x2, y2, x3, y3, x4, y4] = upper-left, upper-right, lower-left, lower-right.
 */
export type PdfQuad = [number, number, number, number, number, number, number, number];

export interface Annotation {
  /** Stable, never reused: "ann_<time><random>". */
  id: string;
  /** The PDF it was made on. */
  attachmentId: AttachmentId;
  type: AnnotationType;
  color: AnnotationColor;
  /** 0-based page index. */
  pageIndex: number;
  /** The page's label ("iv", "12"), or its 1-based number as text when the PDF has no labels. */
  pageLabel: string;
  /** highlight and underline: one quad per line of text. Empty for note and area. */
  quads: PdfQuad[];
  /** area: the drawn rectangle; note: the icon's box; highlight/underline: the bounding box of the quads. */
  rect: PdfRect;
  /** The exact quoted text (highlight, underline; area when text lies under it). */
  text: string;
  /** Up to 32 characters of page text before and after the quote, to re-anchor it (Hypothesis-style). */
  prefix: string;
  suffix: string;
  /** Offset of the quote in the page's extracted text, a hint for re-anchoring; -1 when unknown. */
  textOffset: number;
  /** Markdown with math, rendered by the note renderer. */
  comment: string;
  tags: string[];
  createdAt: string;
  modifiedAt: string;
  /** Set when the PDF was replaced and the quote could not be found again: shown as orphaned, never dropped. */
  orphaned?: boolean;
  /**
   * Set when the PDF was replaced and the quote was found at another place: `quads` and `rect` are still those of
   * the old PDF. The reader recomputes them from `text` and `textOffset` on the page and saves them
   * (`annotations.update` with quads or rect clears the flag).
   */
  relocated?: boolean;
  /**
   * Set when imported from an annotation object already in the PDF: a fingerprint of that object
   * (type, page, rounded geometry, contents), so importing again or re-importing an export never duplicates it.
   */
  pdfFingerprint?: string;
}
