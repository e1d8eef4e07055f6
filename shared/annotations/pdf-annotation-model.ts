import {
  ANNOTATION_COLOR_HEX, ANNOTATION_COLORS, type Annotation, type AnnotationColor, type AnnotationType, type PdfQuad, type PdfRect,
} from '../model/annotation.ts';

/**
 * The mapping between a Folio annotation and a PDF annotation dictionary, both ways, as plain data: no PDF
 * library here. The reader (pdf.js) fills a `PdfAnnotationRecord` from a file; the writer (pdf-lib) turns
 * `PdfAnnotationFields` into a dictionary. docs/annotations.md describes the rules.
 */

/** What is read from one annotation object already in a PDF. */
export interface PdfAnnotationRecord {
  /** The object's reference as pdf.js names it ("17R"), unique in the file. */
  ref: string;
  /** /Subtype without the slash: Highlight, Underline, Text, Ink, ... */
  subtype: string;
  pageIndex: number;
  rect: PdfRect;
  /** /QuadPoints, flat, 8 numbers per quad (empty when absent). */
  quadPoints: number[];
  /** /C as 0-255 RGB, or null when the object has none. */
  color: [number, number, number] | null;
  /** /Contents */
  contents: string;
  /** /T */
  author: string;
  /** /NM: Folio writes its annotation id here. Null when absent or unreadable. */
  name: string | null;
  /** /M and /CreationDate as written ("D:20240101120000Z"), or null. */
  modified: string | null;
  created: string | null;
  /** /IRT: the annotation this one answers, as a ref ("17R"). */
  inReplyTo: string | null;
  /** The page text under the quads (highlight, underline, squiggly, strike-out) or inside the rect (square). */
  text: string;
}

/** What Folio writes for one annotation; the writer adds /Type /Annot, /P, /F and the appearance stream. */
export interface PdfAnnotationFields {
  subtype: 'Highlight' | 'Underline' | 'Text' | 'Square';
  rect: PdfRect;
  quadPoints: number[];
  /** /C in 0..1 */
  color: [number, number, number];
  /** /CA */
  opacity: number;
  contents: string;
  author: string;
  name: string;
  modified: string;
  created: string;
}

/** How Folio reads a subtype: the Folio type, and a tag that keeps what the mapping loses. */
export interface ImportedKind {
  type: AnnotationType;
  tag?: string;
}

/**
 * Markup Folio imports. Squiggly reads as an underline; StrikeOut too, tagged `strikeout` so its meaning is kept;
 * FreeText (text typed on the page) becomes a note holding that text; Circle an area around its box.
 */
const IMPORTED: Readonly<Record<string, ImportedKind>> = {
  Highlight: { type: 'highlight' },
  Underline: { type: 'underline' },
  Squiggly: { type: 'underline' },
  StrikeOut: { type: 'underline', tag: 'strikeout' },
  Text: { type: 'note' },
  FreeText: { type: 'note' },
  Square: { type: 'area' },
  Circle: { type: 'area' },
};

/** Markup a user made that Folio has no type for: counted as skipped on import (docs/annotations.md). */
const SKIPPED = new Set(['Ink', 'Line', 'Polygon', 'PolyLine', 'Stamp', 'Caret', 'FileAttachment', 'Sound', 'Redact']);

export function importedKind(subtype: string): ImportedKind | null {
  return IMPORTED[subtype] ?? null;
}

/** True for a user's markup Folio cannot represent (reported as skipped); links, widgets and popups are not markup. */
export function isSkippedMarkup(subtype: string): boolean {
  return SKIPPED.has(subtype);
}

const PDF_SUBTYPE: Readonly<Record<AnnotationType, PdfAnnotationFields['subtype']>> = {
  highlight: 'Highlight',
  underline: 'Underline',
  note: 'Text',
  area: 'Square',
};

/** Highlights are drawn with a Multiply blend and this opacity, so the text under them stays readable in every reader. */
export const HIGHLIGHT_OPACITY = 0.6;

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The named colour nearest to an RGB colour (0-255), by distance weighted for the eye ("redmean"). */
export function nearestColor(rgb: readonly number[] | null, fallback: AnnotationColor = 'yellow'): AnnotationColor {
  if (!rgb || rgb.length !== 3 || rgb.some((c) => !Number.isFinite(c))) return fallback;
  const [r, g, b] = rgb as [number, number, number];
  let best: AnnotationColor = fallback;
  let bestDistance = Infinity;
  for (const name of ANNOTATION_COLORS) {
    const [r2, g2, b2] = hexToRgb(ANNOTATION_COLOR_HEX[name]);
    const mean = (r + r2) / 2;
    const d = (2 + mean / 256) * (r - r2) ** 2 + 4 * (g - g2) ** 2 + (2 + (255 - mean) / 256) * (b - b2) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An ISO time as a PDF date string, in UTC: "D:20240131235959Z". */
export function pdfDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return pdfDate(new Date(0).toISOString());
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** A PDF date ("D:2024013123", "D:20240131235959+01'00'") as an ISO time, or null when it does not read as one. */
export function parsePdfDate(value: string | null | undefined): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?(?:\d{2}'?)?)?/.exec((value ?? '').trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  let offset = 0;
  const z = /^([+-])(\d{2})'?(\d{2})?/.exec(zone);
  if (z) offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  const date = new Date(ms);
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  return date.toISOString();
}

/** Each quad of a flat /QuadPoints array as its axis-aligned box, in Folio's UL, UR, LL, LR order (writers disagree on the order). */
export function quadsFromPoints(points: readonly number[]): PdfQuad[] {
  const quads: PdfQuad[] = [];
  for (let i = 0; i + 8 <= points.length; i += 8) {
    const xs = [points[i]!, points[i + 2]!, points[i + 4]!, points[i + 6]!];
    const ys = [points[i + 1]!, points[i + 3]!, points[i + 5]!, points[i + 7]!];
    if ([...xs, ...ys].some((v) => !Number.isFinite(v))) continue;
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    quads.push([x1, y2, x2, y2, x1, y1, x2, y1]);
  }
  return quads;
}

/** The bounding box of quads as a /Rect. */
export function quadsBounds(quads: readonly PdfQuad[]): PdfRect {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function normalizeRect(rect: readonly number[]): PdfRect {
  const [a = 0, b = 0, c = 0, d = 0] = rect;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

function padRect(rect: PdfRect, by: number): PdfRect {
  return [rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by];
}

/** Numbers as a PDF writes them: at most 3 decimals, no "-0". */
export function pdfNumber(n: number): number {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}

/** The dictionary fields Folio writes for an annotation. */
export function toPdfFields(annotation: Annotation, author: string): PdfAnnotationFields {
  const [r, g, b] = hexToRgb(ANNOTATION_COLOR_HEX[annotation.color]);
  const marked = annotation.type === 'highlight' || annotation.type === 'underline';
  // A point of margin around text markup, so an underline's stroke is not clipped by the appearance's box.
  const rect = marked && annotation.quads.length > 0 ? padRect(quadsBounds(annotation.quads), 1) : normalizeRect(annotation.rect);
  return {
    subtype: PDF_SUBTYPE[annotation.type],
    rect: rect.map(pdfNumber) as PdfRect,
    quadPoints: marked ? annotation.quads.flat().map(pdfNumber) : [],
    color: [r / 255, g / 255, b / 255].map((c) => Math.round(c * 1000) / 1000) as [number, number, number],
    opacity: annotation.type === 'highlight' ? HIGHLIGHT_OPACITY : 1,
    contents: annotation.comment,
    author,
    name: annotation.id,
    modified: pdfDate(annotation.modifiedAt),
    created: pdfDate(annotation.createdAt),
  };
}

/** A short, stable hash of a string (53-bit, "cyrb53"), as base 36. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const normalizeContents = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Identifies one annotation object across imports and exports: its Folio type, page, geometry rounded to whole
 * points (quads for text markup, the rect otherwise) and its comment. Colour and dates are left out: another
 * tool may recolour or re-date an annotation, and it is still the same one.
 */
export function annotationFingerprint(type: AnnotationType, pageIndex: number, quads: readonly PdfQuad[], rect: PdfRect, contents: string): string {
  const marked = type === 'highlight' || type === 'underline';
  const shape = marked && quads.length > 0 ? quads.flat() : [...rect];
  return `${type}:${pageIndex}:${shape.map((n) => Math.round(n)).join(',')}:${hash53(normalizeContents(contents))}`;
}

/** The fingerprint of an object read from a PDF, or null for a subtype Folio does not import. */
export function recordFingerprint(record: Pick<PdfAnnotationRecord, 'subtype' | 'pageIndex' | 'rect' | 'quadPoints' | 'contents'>): string | null {
  const kind = importedKind(record.subtype);
  if (!kind) return null;
  return annotationFingerprint(kind.type, record.pageIndex, quadsFromPoints(record.quadPoints), normalizeRect(record.rect), record.contents);
}

/** The fingerprint a Folio annotation would have once written into a PDF and read back. */
export function folioFingerprint(annotation: Annotation): string {
  const fields = toPdfFields(annotation, '');
  return annotationFingerprint(annotation.type, annotation.pageIndex, quadsFromPoints(fields.quadPoints), fields.rect, annotation.comment);
}
