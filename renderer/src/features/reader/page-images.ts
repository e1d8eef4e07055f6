/**
 * Dark pages keep their images: the page's canvas is inverted by CSS (reader.css), and each image pdf.js drew on
 * it is copied, with its own colours, into a canvas laid over it outside the inverted layer. pdf.js records where
 * it drew images (PDFViewer's `imagesRightClickMinSize` turns the recording on) as three corners per image,
 * relative to the canvas. An image that fills most of the page (a scanned page) is left inverted with its text.
 */

const KEEP_CLASS = 'page-image-keep';
/** An image covering more of the page than this is the page itself (a scan). */
const SCAN_SHARE = 0.6;
/** Smaller than this (in canvas pixels) is a rule, a bullet or a logo speck: not worth a canvas. */
const MIN_SIDE_PX = 12;

export interface ImageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Axis-aligned boxes (fractions of the canvas) of the recorded images worth keeping, from pdf.js's corner triples. */
export function keptImageBoxes(coords: ArrayLike<number>, canvasWidth: number, canvasHeight: number): ImageBox[] {
  const boxes: ImageBox[] = [];
  for (let i = 0; i + 5 < coords.length; i += 6) {
    const [x1, y1, x2, y2, x3, y3] = [coords[i]!, coords[i + 1]!, coords[i + 2]!, coords[i + 3]!, coords[i + 4]!, coords[i + 5]!];
    const xs = [x1, x2, x3, x2 + x3 - x1];
    const ys = [y1, y2, y3, y2 + y3 - y1];
    const left = Math.max(0, Math.min(...xs));
    const top = Math.max(0, Math.min(...ys));
    const right = Math.min(1, Math.max(...xs));
    const bottom = Math.min(1, Math.max(...ys));
    const width = right - left;
    const height = bottom - top;
    if (width * canvasWidth < MIN_SIDE_PX || height * canvasHeight < MIN_SIDE_PX || width * height > SCAN_SHARE) continue;
    boxes.push({ x: left, y: top, width, height });
  }
  return boxes;
}

/**
 * Which canvas pixels of an image to copy, and where to lay the copy (both in whole canvas pixels).
 * The copy takes only the pixels wholly inside the image (an edge pixel blended with the white page would show as a
 * light line), but covers every pixel the image touches: laid over just the inner pixels, the image's edge pixels
 * would stay inverted beneath it, a faint line of the wrong colour along each side. The stretch is at most 2 pixels.
 */
export function keptPixels(box: ImageBox, canvasWidth: number, canvasHeight: number): { source: ImageBox; cover: ImageBox } | null {
  const sx = Math.ceil(box.x * canvasWidth);
  const sy = Math.ceil(box.y * canvasHeight);
  const sw = Math.floor((box.x + box.width) * canvasWidth) - sx;
  const sh = Math.floor((box.y + box.height) * canvasHeight) - sy;
  if (sw < 1 || sh < 1) return null;
  const cx = Math.floor(box.x * canvasWidth);
  const cy = Math.floor(box.y * canvasHeight);
  const cw = Math.ceil((box.x + box.width) * canvasWidth) - cx;
  const ch = Math.ceil((box.y + box.height) * canvasHeight) - cy;
  return { source: { x: sx, y: sy, width: sw, height: sh }, cover: { x: cx, y: cy, width: cw, height: ch } };
}

/** Lays the page's images, in their own colours, over its (CSS-inverted) canvas; replaces what an earlier render laid. */
export function layImagesOver(pageDiv: HTMLElement, canvas: HTMLCanvasElement, coords: ArrayLike<number> | null): void {
  pageDiv.querySelector(`:scope > .${KEEP_CLASS}`)?.remove();
  if (!coords || coords.length === 0 || canvas.width === 0 || canvas.height === 0) return;
  const boxes = keptImageBoxes(coords, canvas.width, canvas.height);
  if (boxes.length === 0) return;
  const layer = document.createElement('div');
  layer.className = KEEP_CLASS;
  layer.setAttribute('aria-hidden', 'true');
  for (const box of boxes) {
    const pixels = keptPixels(box, canvas.width, canvas.height);
    if (!pixels) continue;
    const { source: from, cover } = pixels;
    const copy = document.createElement('canvas');
    copy.width = from.width;
    copy.height = from.height;
    copy.getContext('2d')?.drawImage(canvas, from.x, from.y, from.width, from.height, 0, 0, from.width, from.height);
    copy.style.left = `${(cover.x / canvas.width) * 100}%`;
    copy.style.top = `${(cover.y / canvas.height) * 100}%`;
    copy.style.width = `${(cover.width / canvas.width) * 100}%`;
    copy.style.height = `${(cover.height / canvas.height) * 100}%`;
    layer.append(copy);
  }
  const wrapper = pageDiv.querySelector(':scope > .canvasWrapper');
  if (wrapper) wrapper.after(layer);
  else pageDiv.append(layer);
}
