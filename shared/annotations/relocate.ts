import type { Annotation } from '../model/annotation.ts';
import type { AttachmentId } from '../model/ids.ts';
import type { Anchorer } from './anchoring.ts';
import type { PageLayout } from './page-layout.ts';
import { quadsBounds } from './pdf-annotation-model.ts';
import { quadsForRange } from './text-geometry.ts';

/**
 * An annotation moved onto a replacing PDF (`target`), anchored again by its quote:
 *  - found: its page, offset, quote and context are the new PDF's; a highlight or underline that moved is marked
 *    `relocated` (its quads are still the old PDF's until `placeOnNewPage` computes them from the new page's
 *    glyphs). A page that changed gets its 1-based number as label until `placeOnNewPage` gives it the PDF's own.
 *  - not found: `orphaned`, with its text, comment, tags and old place kept; never dropped.
 * An orphan found again later loses the mark.
 */
export function relocateAnnotation(annotation: Annotation, anchorer: Anchorer, target: AttachmentId, now: string): Annotation {
  const { orphaned: _orphaned, relocated: wasRelocated, ...rest } = annotation;
  const anchor = anchorer.anchor(annotation);
  if (!anchor) return { ...rest, attachmentId: target, orphaned: true, modifiedAt: now, ...(wasRelocated ? { relocated: true } : {}) };
  if (anchor.method === 'position') return { ...rest, attachmentId: target, modifiedAt: now, ...(wasRelocated ? { relocated: true } : {}) };
  const samePage = anchor.pageIndex === annotation.pageIndex;
  const samePlace = samePage && anchor.textOffset === annotation.textOffset && anchor.text === annotation.text;
  const hasQuads = annotation.type === 'highlight' || annotation.type === 'underline' || annotation.quads.length > 0;
  return {
    ...rest,
    attachmentId: target,
    pageIndex: anchor.pageIndex,
    pageLabel: samePage ? annotation.pageLabel : String(anchor.pageIndex + 1),
    text: anchor.text,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    textOffset: anchor.textOffset,
    modifiedAt: now,
    ...((hasQuads && !samePlace) || wasRelocated ? { relocated: true } : {}),
  };
}

/** What the replacing PDF says of one page: its label, and (for highlights) its text with glyph positions. */
export interface NewPage {
  label: string;
  /** Absent when the page could not be read; its text must be the page text the annotation was anchored in. */
  layout?: PageLayout;
}

/**
 * A relocated annotation given the new PDF's page: the page's own label, and for a highlight or underline quads
 * over its quote as the new page lays it out (one per line) with their bounding box as rect, which takes the
 * `relocated` mark off. An orphan, or a quote whose page text is not the one it was anchored in, keeps its
 * geometry and mark.
 */
export function placeOnNewPage(annotation: Annotation, page: NewPage | undefined, pageText: string | undefined): Annotation {
  if (!page || annotation.orphaned) return annotation;
  const labelled = { ...annotation, pageLabel: page.label };
  const hasQuads = annotation.type === 'highlight' || annotation.type === 'underline';
  if (!hasQuads || annotation.textOffset < 0 || !page.layout || page.layout.text !== pageText) return labelled;
  const end = annotation.textOffset + annotation.text.length;
  if (pageText.slice(annotation.textOffset, end) !== annotation.text) return labelled;
  const quads = quadsForRange(page.layout, annotation.textOffset, end);
  if (quads.length === 0) return labelled;
  const { relocated: _relocated, ...rest } = labelled;
  return { ...rest, quads, rect: quadsBounds(quads) };
}
