import type { PdfQuad, PdfRect } from '../model/annotation.ts';
import type { PageLayout, TextRun } from './page-layout.ts';

/**
 * Geometry from a page's laid-out text (page-layout.ts), in PDF user space:
 *  - the quads of a span of the page text, one per line, in /QuadPoints order (upper-left, upper-right,
 *    lower-left, lower-right), as the reader draws and the PDF export writes them;
 *  - the text whose glyphs lie inside a rectangle (an area drawn around a paragraph or an equation).
 * pdf.js gives the advance of a whole text run, not of each glyph, so a character's place inside its run is its
 * share of the run's width, each character weighted by its Helvetica advance: exact at run ends and for
 * Helvetica, within a fraction of a glyph inside a run of another proportional type (Times, Computer Modern).
 */

/** Helvetica's advances (1/1000 em) of the printable ASCII characters, 32 to 126; any other character counts as 556. */
const ADVANCES = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584,
  584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
  500, 334, 260, 334, 584,
];
const advance = (ch: number): number => ADVANCES[ch - 32] ?? 556;

/** The summed advance of str's characters [0, n). */
function advanceTo(str: string, n: number): number {
  let sum = 0;
  for (let i = 0; i < n && i < str.length; i++) sum += advance(str.charCodeAt(i));
  return sum;
}

/** pdf.js's defaults when a font says nothing of its ascent and descent. */
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;

interface Frame {
  /** Origin on the baseline, unit vector along the baseline, unit vector up. */
  ox: number;
  oy: number;
  dx: number;
  dy: number;
  ux: number;
  uy: number;
}

function frameOf(run: TextRun): Frame {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = run.transform ?? [];
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  return { ox: e, oy: f, dx: a / along, dy: b / along, ux: c / up, uy: d / up };
}

/** The box of characters [from, to) of a run, in the run's frame: along the baseline from x0 to x1, across from y0 to y1. */
function runSpan(run: TextRun, from: number, to: number): { x0: number; x1: number; y0: number; y1: number } {
  const width = run.width ?? 0;
  const height = run.height ?? 0;
  const total = advanceTo(run.str, run.str.length) || 1;
  return {
    x0: (width * advanceTo(run.str, from)) / total,
    x1: (width * advanceTo(run.str, to)) / total,
    y0: height * (run.descent ?? DEFAULT_DESCENT),
    y1: height * (run.ascent ?? DEFAULT_ASCENT),
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;

interface LinePart {
  run: number;
  from: number;
  to: number;
}

/** Whether run b continues the line of run a: same direction, baselines within half a font height. */
function sameLine(a: TextRun, b: TextRun): boolean {
  const fa = frameOf(a);
  const fb = frameOf(b);
  if (Math.abs(fa.dx * fb.dx + fa.dy * fb.dy - 1) > 1e-3) return false;
  const across = (fb.ox - fa.ox) * fa.ux + (fb.oy - fa.oy) * fa.uy;
  return Math.abs(across) <= Math.max(a.height ?? 0, b.height ?? 0) / 2;
}

/** The parts of runs that characters [start, end) of the page text cover, whitespace at either end of a run left out. */
function partsOf(layout: PageLayout, start: number, end: number): LinePart[] {
  const parts: LinePart[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, layout.text.length); i++) {
    const run = layout.runOf[i]!;
    if (run < 0 || /\s/.test(layout.text[i]!)) continue;
    const c = layout.charOf[i]!;
    const last = parts.at(-1);
    if (last && last.run === run) last.to = Math.max(last.to, c + 1);
    else parts.push({ run, from: c, to: c + 1 });
  }
  return parts;
}

/** One quad per line over characters [start, end) of the page text; empty when none of them has a glyph. */
export function quadsForRange(layout: PageLayout, start: number, end: number): PdfQuad[] {
  const lines: LinePart[][] = [];
  for (const part of partsOf(layout, start, end)) {
    const line = lines.at(-1);
    const prev = line?.at(-1);
    if (line && prev && !layout.runs[prev.run]!.hasEOL && sameLine(layout.runs[line[0]!.run]!, layout.runs[part.run]!)) line.push(part);
    else lines.push([part]);
  }
  return lines.map((line) => {
    // Every part measured in the frame of the line's first run.
    const base = frameOf(layout.runs[line[0]!.run]!);
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (const part of line) {
      const run = layout.runs[part.run]!;
      const f = frameOf(run);
      const span = runSpan(run, part.from, part.to);
      const shiftAlong = (f.ox - base.ox) * base.dx + (f.oy - base.oy) * base.dy;
      const shiftAcross = (f.ox - base.ox) * base.ux + (f.oy - base.oy) * base.uy;
      x0 = Math.min(x0, shiftAlong + span.x0);
      x1 = Math.max(x1, shiftAlong + span.x1);
      y0 = Math.min(y0, shiftAcross + span.y0);
      y1 = Math.max(y1, shiftAcross + span.y1);
    }
    const at = (x: number, y: number): [number, number] => [round(base.ox + x * base.dx + y * base.ux), round(base.oy + x * base.dy + y * base.uy)];
    return [...at(x0, y1), ...at(x1, y1), ...at(x0, y0), ...at(x1, y0)] as PdfQuad;
  });
}

/** The centre of character i of the page text in user space, or null for an added line break; `sums` caches each run's summed advances. */
function charCentre(layout: PageLayout, i: number, sums: Map<number, Float64Array>): [number, number] | null {
  const r = layout.runOf[i]!;
  if (r < 0) return null;
  const run = layout.runs[r]!;
  let cumulative = sums.get(r);
  if (!cumulative) {
    cumulative = new Float64Array(run.str.length + 1);
    for (let k = 0; k < run.str.length; k++) cumulative[k + 1] = cumulative[k]! + advance(run.str.charCodeAt(k));
    sums.set(r, cumulative);
  }
  const c = layout.charOf[i]!;
  const total = cumulative[run.str.length] || 1;
  const f = frameOf(run);
  const x = ((run.width ?? 0) * (cumulative[c]! + cumulative[c + 1]!)) / 2 / total;
  const y = ((run.height ?? 0) * ((run.descent ?? DEFAULT_DESCENT) + (run.ascent ?? DEFAULT_ASCENT))) / 2;
  return [f.ox + x * f.dx + y * f.ux, f.oy + x * f.dy + y * f.uy];
}

export interface TextInRect {
  text: string;
  /** Offsets in the page text of the first and past the last character inside; -1 when there is none. */
  start: number;
  end: number;
}

/**
 * The page text whose glyph centres lie inside `rect`, in reading order: characters of the page text left out
 * between two kept ones become one line break (when the left-out part broke a line) or one space.
 */
export function textInRect(layout: PageLayout, rect: PdfRect): TextInRect {
  const [x1, y1, x2, y2] = [Math.min(rect[0], rect[2]), Math.min(rect[1], rect[3]), Math.max(rect[0], rect[2]), Math.max(rect[1], rect[3])];
  let text = '';
  let start = -1;
  let end = -1;
  let gap = '';
  const sums = new Map<number, Float64Array>();
  for (let i = 0; i < layout.text.length; i++) {
    const ch = layout.text[i]!;
    const p = /\s/.test(ch) ? null : charCentre(layout, i, sums);
    const inside = p !== null && p[0] >= x1 && p[0] <= x2 && p[1] >= y1 && p[1] <= y2;
    if (!inside) {
      if (start >= 0) gap += ch;
      continue;
    }
    if (start < 0) start = i;
    else if (gap !== '' || end < i) text += /\n/.test(gap) ? '\n' : ' ';
    gap = '';
    text += ch;
    end = i + 1;
  }
  return { text, start, end };
}
