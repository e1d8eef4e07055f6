import { describe, expect, it } from 'vitest';
import { boundingRect, mergeLineBoxes, quadsFromBoxes, rectFromCorners, type PageBox } from './page-geometry.ts';
import { quoteContext } from './quote-context.ts';

// A US Letter page at scale 1.5, unrotated: CSS y grows down from the top, PDF y up from the bottom.
const SCALE = 1.5;
const HEIGHT = 792;
const toPdf = (x: number, y: number): number[] => [x / SCALE, HEIGHT - y / SCALE];
const box = (left: number, top: number, right: number, bottom: number): PageBox => ({ left, top, right, bottom });

describe('quads from a selection’s client rects', () => {
  it('merges the runs of one line into one box and keeps lines apart, top to bottom', () => {
    const lines = mergeLineBoxes([
      box(300, 130, 420, 148), // second line, first run
      box(100, 100, 200, 118),
      box(205, 101, 290, 117), // same line as the run before, a pixel off
      box(420, 131, 500, 147),
    ]);
    expect(lines).toEqual([box(100, 100, 290, 118), box(300, 130, 500, 148)]);
  });

  it('drops empty rects and a rect that spans several lines (the text layer itself)', () => {
    expect(mergeLineBoxes([box(10, 10, 10, 30), box(10, 10, 200, 10.2), box(0, 0, 900, 1000), box(50, 50, 150, 68)]))
      .toEqual([box(50, 50, 150, 68)]);
  });

  it('gives one quad per line in /QuadPoints order (UL, UR, LL, LR) in PDF user space', () => {
    const [quad, ...rest] = quadsFromBoxes([box(150, 300, 450, 318)], toPdf);
    expect(rest).toEqual([]);
    expect(quad).toEqual([100, 592, 300, 592, 100, 580, 300, 580]);
  });

  it('bounds the quads as a /Rect with x1 <= x2 and y1 <= y2', () => {
    const quads = quadsFromBoxes([box(150, 300, 450, 318), box(150, 330, 300, 348)], toPdf);
    expect(quads).toHaveLength(2);
    expect(boundingRect(quads)).toEqual([100, 560, 300, 592]);
    expect(rectFromCorners({ x: 450, y: 348 }, { x: 150, y: 300 }, toPdf)).toEqual([100, 560, 300, 592]);
  });
});

describe('the quote’s context for re-anchoring', () => {
  const page = 'Numerical methods: symplectic integrators   preserve phase volume over long runs. Highlighted sentences come back.';
  it('takes the quote with up to 32 characters either side, whitespace collapsed, and its offset', () => {
    const start = page.indexOf('symplectic');
    const end = page.indexOf(' over');
    expect(quoteContext(page, start, end)).toEqual({
      text: 'symplectic integrators preserve phase volume',
      prefix: 'Numerical methods: ',
      suffix: ' over long runs. Highlighted sen',
      textOffset: start,
    });
  });
  it('reports an unknown offset for a range outside the text', () => {
    expect(quoteContext(page, 10, 5).textOffset).toBe(-1);
    expect(quoteContext(page, 0, page.length + 1).textOffset).toBe(-1);
  });
});
