import type { Annotation } from '../model/annotation.ts';
import type { AttachmentId } from '../model/ids.ts';
import type { Anchorer } from './anchoring.ts';

/**
 * An annotation moved onto a replacing PDF (`target`), anchored again by its quote:
 *  - found: its page, offset, quote and context are the new PDF's; a highlight or underline that moved is marked
 *    `relocated` (its quads are still the old PDF's until the reader recomputes them). A page that changed gets
 *    its 1-based number as label, as the new PDF's own labels are not known here.
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
