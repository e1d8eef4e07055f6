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

/** The selection, if it lies in a page's text layer of this reader (a selection over several pages keeps its first). */
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
