import { describe, expect, it } from 'vitest';
import { layoutPage, type TextRun } from './page-layout.ts';
import { quadsForRange, textInRect } from './text-geometry.ts';

/** A horizontal run at (x, y), `size` high, one Helvetica-weighted width per character given directly. */
const run = (str: string, x: number, y: number, width: number, hasEOL = false, size = 10): TextRun => ({
  str, hasEOL, transform: [size, 0, 0, size, x, y], width, height: size, ascent: 0.8, descent: -0.2,
});

describe('a page laid out from pdf.js text runs', () => {
  it('joins like the full-text cache (breaks, mended hyphens, spaces at line ends) and maps each character to its run', () => {
    const layout = layoutPage([run('Deep resid-', 72, 700, 60, true), run('ual nets  ', 72, 686, 50, true), run('win.', 72, 672, 20)]);
    expect(layout.text).toBe('Deep residual nets\nwin.');
    const at = (s: string) => [layout.runOf[layout.text.indexOf(s)], layout.charOf[layout.text.indexOf(s)]];
    expect(at('u')).toEqual([1, 0]);
    expect(at('l nets')).toEqual([1, 2]);
    expect(at('\n')).toEqual([-1, -1]);
    expect(at('win')).toEqual([2, 0]);
  });
});

describe('quads over a span of page text', () => {
  const layout = layoutPage([run('AAAA', 100, 500, 40, true), run('BB', 100, 480, 20), run('CC', 130, 480, 20)]);

  it('gives one quad per line in /QuadPoints order, from descent to ascent, whole runs exactly', () => {
    expect(quadsForRange(layout, 0, layout.text.length)).toEqual([
      [100, 508, 140, 508, 100, 498, 140, 498],
      [100, 488, 150, 488, 100, 478, 150, 478],
    ]);
  });

  it('places an edge inside a run by its characters\' share of the run, and leaves out the added break', () => {
    // The last "AA" of "AAAA" (half the run), then "BB".
    expect(quadsForRange(layout, 2, 7)).toEqual([[120, 508, 140, 508, 120, 498, 140, 498], [100, 488, 120, 488, 100, 478, 120, 478]]);
    expect(quadsForRange(layout, 4, 5)).toEqual([]);
  });

  it('follows a rotated run (text set up the page)', () => {
    const up = layoutPage([{ str: 'ab', transform: [0, 10, -10, 0, 300, 100], width: 20, height: 10 }]);
    const [q] = quadsForRange(up, 0, 2);
    // Along +y from (300, 100), rising towards -x: upper-left is (292, 100), lower-right (302, 120).
    expect(q).toEqual([292, 100, 292, 120, 302, 100, 302, 120]);
  });
});

describe('the text inside a rectangle', () => {
  const layout = layoutPage([run('one two three', 100, 500, 130, true), run('four five six', 100, 480, 130)]);

  it('keeps the characters whose centres are inside, a space or a line break for what it skips', () => {
    const all = textInRect(layout, [90, 470, 240, 515]);
    expect(all).toEqual({ text: 'one two three\nfour five six', start: 0, end: layout.text.length });
    expect(textInRect(layout, [90, 495, 240, 515]).text).toBe('one two three');
    expect(textInRect(layout, [0, 0, 50, 50])).toEqual({ text: '', start: -1, end: -1 });
  });
});
