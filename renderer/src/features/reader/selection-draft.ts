import type { AnnotationDraft } from '../../../../shared/api/annotations-types.ts';
import type { AnnotationColor, AnnotationType } from '../../../../shared/model/annotation.ts';
import type { AttachmentId } from '../../../../shared/model/ids.ts';
import { boundingRect, quadsFromBoxes, type PageBox } from './page-geometry.ts';
import type { PdfSession } from './pdf-session.ts';
import { quoteContext } from './quote-context.ts';

/** The page's text layer as one string (a line break counts as a space) and where a DOM point falls in it. */
function layerText(layer: Element, stopAt: { node: Node; offset: number } | null): { text: string; offset: number } {
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let text = '';
  let offset = -1;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (stopAt && offset < 0) {
      if (node === stopAt.node) offset = text.length + (node.nodeType === Node.TEXT_NODE ? stopAt.offset : 0);
      else if (stopAt.node.nodeType !== Node.TEXT_NODE && node === stopAt.node.childNodes[stopAt.offset]) offset = text.length;
    }
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
    else if ((node as Element).tagName === 'BR') text += ' ';
  }
  return { text, offset };
}

export interface SelectionOnPage {
  pageIndex: number;
  pageDiv: HTMLElement;
  range: Range;
}

/** The selection, if it lies in a page's text layer of this reader (for a selection over several pages, its first; selectionsOnPages cuts it per page). */
export function selectionOnPage(container: HTMLElement): SelectionOnPage | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const pageDiv = start?.closest<HTMLElement>('.page');
  if (!pageDiv || !container.contains(pageDiv) || !pageDiv.querySelector('.textLayer')) return null;
  const pageIndex = Number(pageDiv.dataset.pageNumber) - 1;
  if (!Number.isInteger(pageIndex) || pageIndex < 0) return null;
  return { pageIndex, pageDiv, range };
}

/** The first and last text nodes of a text layer. */
function textEnds(layer: Element): { first: Text; last: Text } | null {
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode() as Text | null;
  let last = first;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
  return first && last ? { first, last } : null;
}

/**
 * The selection cut at page boundaries, one part per page whose text layer it crosses, in page order: an annotation
 * lies on one page (its pageIndex), so a selection over two pages makes one annotation on each.
 */
export function selectionsOnPages(container: HTMLElement): SelectionOnPage[] {
  const first = selectionOnPage(container);
  if (!first) return [];
  const { range } = first;
  const pages = [...container.querySelectorAll<HTMLElement>('.page')].filter((div) => div !== first.pageDiv && range.intersectsNode(div));
  if (pages.length === 0) return [first];
  const parts: SelectionOnPage[] = [first];
  for (const pageDiv of pages) {
    const layer = pageDiv.querySelector('.textLayer');
    const ends = layer ? textEnds(layer) : null;
    const pageIndex = Number(pageDiv.dataset.pageNumber) - 1;
    if (!layer || !ends || !Number.isInteger(pageIndex) || pageIndex < 0) continue;
    const part = document.createRange();
    part.setStart(ends.first, 0);
    if (layer.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
    else part.setEnd(ends.last, ends.last.length);
    if (!part.collapsed && part.toString().trim() !== '') parts.push({ pageIndex, pageDiv, range: part });
  }
  // The first page's part ends where its text layer does.
  const firstLayer = first.pageDiv.querySelector('.textLayer');
  const firstEnds = firstLayer ? textEnds(firstLayer) : null;
  if (parts.length > 1 && firstEnds && firstLayer && !firstLayer.contains(range.endContainer)) {
    const cut = range.cloneRange();
    cut.setEnd(firstEnds.last, firstEnds.last.length);
    parts[0] = { ...first, range: cut };
  }
  return parts;
}

/** A highlight or underline from the selection: one quad per line, and the quote with its context. */
export function draftFromSelection(
  session: PdfSession, sel: SelectionOnPage, attachmentId: AttachmentId, type: AnnotationType, color: AnnotationColor,
): AnnotationDraft | null {
  const page = session.renderedPage(sel.pageIndex);
  const layer = sel.pageDiv.querySelector('.textLayer');
  if (!page || !layer) return null;
  const origin = sel.pageDiv.getBoundingClientRect();
  const layerBox = layer.getBoundingClientRect();
  const boxes: PageBox[] = [...sel.range.getClientRects()]
    .filter((r) => r.top >= layerBox.top - 1 && r.bottom <= layerBox.bottom + 1)
    .map((r) => ({
      left: r.left - origin.left - sel.pageDiv.clientLeft,
      top: r.top - origin.top - sel.pageDiv.clientTop,
      right: r.right - origin.left - sel.pageDiv.clientLeft,
      bottom: r.bottom - origin.top - sel.pageDiv.clientTop,
    }));
  const quads = quadsFromBoxes(boxes, (x, y) => page.viewport.convertToPdfPoint(x, y));
  if (quads.length === 0) return null;
  const { text: pageText, offset: start } = layerText(layer, { node: sel.range.startContainer, offset: sel.range.startOffset });
  const endInLayer = layer.contains(sel.range.endContainer)
    ? layerText(layer, { node: sel.range.endContainer, offset: sel.range.endOffset }).offset
    : pageText.length;
  const context = start >= 0 && endInLayer > start
    ? quoteContext(pageText, start, endInLayer)
    : { text: sel.range.toString().replace(/\s+/g, ' ').trim(), prefix: '', suffix: '', textOffset: -1 };
  return {
    attachmentId, type, color, pageIndex: sel.pageIndex, pageLabel: session.labelOf(sel.pageIndex),
    quads, rect: boundingRect(quads), ...context,
  };
}
