import type { PdfQuad, PdfRect } from '../../../../shared/model/annotation.ts';

/** A box in CSS pixels, relative to the page's top-left corner. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The page viewport's mapping from page CSS pixels to PDF user space (viewport.convertToPdfPoint). */
export type ToPdfPoint = (x: number, y: number) => number[];
/** The reverse, for a rectangle (viewport.convertToViewportRectangle). */
export type ToViewportRect = (rect: number[]) => number[];

const MIN_SIZE = 0.5;

/** Two boxes are on the same line when they overlap vertically by more than half the shorter one. */
function sameLine(a: PageBox, b: PageBox): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const shorter = Math.min(a.bottom - a.top, b.bottom - b.top);
  return overlap > shorter / 2;
}

/**
 * The selection's client rects, one per text run, merged into one box per line, top to bottom.
 * Empty rects (collapsed ends of a range) are dropped, and so are rects that contain several lines
 * (Chromium reports the whole text layer or a span's parent for some ranges).
 */
export function mergeLineBoxes(boxes: readonly PageBox[]): PageBox[] {
  const usable = boxes.filter((b) => b.right - b.left > MIN_SIZE && b.bottom - b.top > MIN_SIZE);
  if (usable.length === 0) return [];
  const heights = usable.map((b) => b.bottom - b.top).sort((a, b) => a - b);
  // The lower median: one tall rect among a few line rects must not become the yardstick.
  const median = heights[Math.floor((heights.length - 1) / 2)] ?? 0;
  const lines: PageBox[] = [];
  for (const box of [...usable].sort((a, b) => a.top - b.top || a.left - b.left)) {
    if (box.bottom - box.top > median * 2.5) continue;
    const line = lines.find((l) => sameLine(l, box));
    if (line) {
      line.left = Math.min(line.left, box.left);
      line.right = Math.max(line.right, box.right);
      line.top = Math.min(line.top, box.top);
      line.bottom = Math.max(line.bottom, box.bottom);
    } else {
      lines.push({ ...box });
    }
  }
  return lines.sort((a, b) => a.top - b.top);
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** One quad per line, in /QuadPoints order: upper-left, upper-right, lower-left, lower-right, in PDF user space. */
export function quadsFromBoxes(boxes: readonly PageBox[], toPdf: ToPdfPoint): PdfQuad[] {
  return mergeLineBoxes(boxes).map((b) => {
    const [ulx = 0, uly = 0] = toPdf(b.left, b.top);
    const [urx = 0, ury = 0] = toPdf(b.right, b.top);
    const [llx = 0, lly = 0] = toPdf(b.left, b.bottom);
    const [lrx = 0, lry = 0] = toPdf(b.right, b.bottom);
    return [ulx, uly, urx, ury, llx, lly, lrx, lry].map(round) as PdfQuad;
  });
}

/** The PDF rectangle (x1 <= x2, y1 <= y2) spanned by two corners given in page CSS pixels. */
export function rectFromCorners(a: { x: number; y: number }, b: { x: number; y: number }, toPdf: ToPdfPoint): PdfRect {
  const [x1 = 0, y1 = 0] = toPdf(a.x, a.y);
  const [x2 = 0, y2 = 0] = toPdf(b.x, b.y);
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)].map(round) as PdfRect;
}

/** The bounding box of quads, as a PDF /Rect. */
export function boundingRect(quads: readonly PdfQuad[]): PdfRect {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  if (xs.length === 0) return [0, 0, 0, 0];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A PDF rectangle (or a quad's bounds) as a box in page CSS pixels at the viewport's scale. */
export function viewportBox(rect: readonly number[], toViewport: ToViewportRect): PageBox {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = toViewport([...rect]);
  return { left: Math.min(x1, x2), top: Math.min(y1, y2), right: Math.max(x1, x2), bottom: Math.max(y1, y2) };
}

export function quadBounds(q: PdfQuad): PdfRect {
  return boundingRect([q]);
}

/** Whether a PDF point lies in a rectangle, with a tolerance in PDF points. */
export function rectContains(rect: PdfRect, x: number, y: number, slack = 0): boolean {
  return x >= rect[0] - slack && x <= rect[2] + slack && y >= rect[1] - slack && y <= rect[3] + slack;
}

/** Whether two page boxes overlap (a highlight over its text span). */
export function boxesOverlap(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
