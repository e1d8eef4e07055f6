import { ANNOTATION_COLOR_HEX, type Annotation } from '../../../../shared/model/annotation.ts';
import type { RenderedPage } from './pdf-session.ts';
import { quadBounds, rectContains, viewportBox, type PageBox } from './page-geometry.ts';

const LAYER_CLASS = 'folio-annotation-layer';

// PageViewport has no rectangle conversion in pdf.js 6: convert two corners.
const toViewport = (page: RenderedPage) => (rect: number[]): number[] => {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect;
  return [...page.viewport.convertToViewportPoint(x1, y1), ...page.viewport.convertToViewportPoint(x2, y2)] as number[];
};

function place(el: HTMLElement, box: PageBox): void {
  el.style.left = `${box.left}px`;
  el.style.top = `${box.top}px`;
  el.style.width = `${Math.max(1, box.right - box.left)}px`;
  el.style.height = `${Math.max(1, box.bottom - box.top)}px`;
}

/** The boxes an annotation covers on its page, in page CSS pixels. */
export function annotationBoxes(page: RenderedPage, a: Annotation): PageBox[] {
  const convert = toViewport(page);
  if (a.quads.length > 0) return a.quads.map((q) => viewportBox(quadBounds(q), convert));
  return [viewportBox(a.rect, convert)];
}

/** An attachment's annotations (not orphaned) by page index, in the order given. */
export function annotationsByPage(annotations: readonly Annotation[], attachmentId: string): Map<number, Annotation[]> {
  const pages = new Map<number, Annotation[]>();
  for (const a of annotations) {
    if (a.attachmentId !== attachmentId || a.orphaned) continue;
    const list = pages.get(a.pageIndex);
    if (list) list.push(a);
    else pages.set(a.pageIndex, [a]);
  }
  return pages;
}

// What each layer shows now: a page's text layer reports after its canvas, and need not redraw the same boxes.
const drawn = new WeakMap<HTMLElement, { annotations: readonly Annotation[]; selected: ReadonlySet<string>; viewport: unknown }>();

/**
 * Draws the page's annotations into our own layer over the canvas (under the text layer, so text
 * stays selectable). pdf.js empties a page's element when it re-renders it at a new zoom, so the layer
 * is put back each time; its boxes follow the viewport of the moment.
 */
export function drawAnnotationLayer(page: RenderedPage, annotations: readonly Annotation[], selected: ReadonlySet<string>): void {
  let layer = page.div.querySelector<HTMLElement>(`:scope > .${LAYER_CLASS}`);
  const last = layer ? drawn.get(layer) : undefined;
  if (layer && last && last.annotations === annotations && last.selected === selected && last.viewport === page.viewport) return;
  if (!layer) {
    layer = document.createElement('div');
    layer.className = LAYER_CLASS;
    const canvas = page.div.querySelector(':scope > .canvasWrapper');
    if (canvas) canvas.after(layer);
    else page.div.prepend(layer);
  }
  const nodes: HTMLElement[] = [];
  for (const a of annotations) {
    if (a.pageIndex !== page.pageIndex || a.orphaned) continue;
    const color = ANNOTATION_COLOR_HEX[a.color];
    for (const box of annotationBoxes(page, a)) {
      const el = document.createElement('div');
      el.className = `folio-annotation folio-annotation-${a.type}${selected.has(a.id) ? ' selected' : ''}`;
      el.dataset.annotationId = a.id;
      el.dataset.testid = 'annotation-box';
      el.style.setProperty('--annotation-color', color);
      if (a.type === 'note') {
        // A fixed-size icon at the note's point, whatever the zoom.
        place(el, { left: box.left, top: box.top, right: box.left + 22, bottom: box.top + 22 });
        el.title = a.comment || 'Note';
      } else if (a.type === 'underline') {
        const thickness = Math.max(1.5, (box.bottom - box.top) * 0.08);
        place(el, { left: box.left, top: box.bottom - thickness, right: box.right, bottom: box.bottom });
      } else {
        place(el, box);
      }
      nodes.push(el);
    }
  }
  layer.replaceChildren(...nodes);
  drawn.set(layer, { annotations, selected, viewport: page.viewport });
}

/** The annotation under a point of the page (CSS pixels from its corner), topmost (last drawn) first. */
export function annotationAt(page: RenderedPage, annotations: readonly Annotation[], x: number, y: number): Annotation | null {
  const [px = 0, py = 0] = page.viewport.convertToPdfPoint(x, y);
  const slack = 2;
  for (let i = annotations.length - 1; i >= 0; i--) {
    const a = annotations[i];
    if (!a || a.pageIndex !== page.pageIndex || a.orphaned) continue;
    if (a.type === 'note') {
      const [left = 0, top = 0] = page.viewport.convertToViewportPoint(a.rect[0], a.rect[3]);
      if (x >= left && x <= left + 22 && y >= top && y <= top + 22) return a;
      continue;
    }
    if (a.quads.length > 0 ? a.quads.some((q) => rectContains(quadBounds(q), px, py, slack)) : rectContains(a.rect, px, py, slack)) return a;
  }
  return null;
}

/** A point of the page under a client point, in page CSS pixels (inside the page's border). */
export function pagePoint(div: HTMLElement, clientX: number, clientY: number): { x: number; y: number } {
  const r = div.getBoundingClientRect();
  return { x: clientX - r.left - div.clientLeft, y: clientY - r.top - div.clientTop };
}
