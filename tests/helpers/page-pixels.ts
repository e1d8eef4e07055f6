// Runs in the page (locator.evaluate serialises it): it may use nothing from this module's scope. The tests are
// type-checked for Node without DOM types, so the few DOM shapes it touches are written out here.
interface Box { top: number; left: number; right: number; height: number; width: number }
interface PageElement {
  width: number;
  height: number;
  querySelector(selector: string): PageElement | null;
  getBoundingClientRect(): Box;
  getContext(kind: '2d', options: { willReadFrequently: boolean }): Canvas2d | null;
  ownerDocument: { createElement(tag: 'canvas'): PageElement };
}
interface Canvas2d {
  drawImage(source: PageElement, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}

/**
 * For `locator.evaluate` on a reader page (`.page`): how many of its canvas pixels are highlighter yellow, sampled
 * every 2 CSS pixels along the middle of its first Folio annotation box. Folio's boxes are elements over the canvas,
 * so a yellow canvas pixel there is pdf.js drawing the file's own annotation.
 */
export function yellowUnderFirstBox(page: unknown): number {
  const div = page as PageElement;
  const box = div.querySelector('[data-testid="annotation-box"]')?.getBoundingClientRect();
  const canvas = div.querySelector('.canvasWrapper canvas');
  if (!box || !canvas) throw new Error('no annotation box or page canvas');
  const at = canvas.getBoundingClientRect();
  const probe = div.ownerDocument.createElement('canvas');
  probe.width = canvas.width;
  probe.height = canvas.height;
  const ctx = probe.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(canvas, 0, 0);
  const y = Math.round((box.top + box.height / 2 - at.top) * (canvas.height / at.height));
  let yellow = 0;
  for (let px = box.left + 2; px < box.right - 2; px += 2) {
    const data = ctx.getImageData(Math.round((px - at.left) * (canvas.width / at.width)), y, 1, 1).data;
    if ((data[0] ?? 0) > 200 && (data[1] ?? 0) > 180 && (data[2] ?? 255) < 140) yellow++;
  }
  return yellow;
}
