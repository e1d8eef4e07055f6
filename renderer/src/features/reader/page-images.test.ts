import { describe, expect, it } from 'vitest';
import { keptImageBoxes } from './page-images.ts';

describe('keptImageBoxes', () => {
  it('turns pdf.js corner triples into boxes, leaving out specks and whole-page scans', () => {
    // A figure from (0.1, 0.2) to (0.4, 0.5); a 2-pixel rule; a scan covering the page.
    const coords = [0.1, 0.5, 0.1, 0.2, 0.4, 0.5, 0.5, 0.5, 0.5, 0.499, 0.6, 0.5, 0, 1, 0, 0, 1, 1];
    const boxes = keptImageBoxes(coords, 1000, 1000);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.x).toBeCloseTo(0.1);
    expect(boxes[0]!.y).toBeCloseTo(0.2);
    expect(boxes[0]!.width).toBeCloseTo(0.3);
    expect(boxes[0]!.height).toBeCloseTo(0.3);
  });

  it('bounds a rotated image and clips it to the canvas', () => {
    // Corners (0.5, -0.1), (0.3, 0.2), (0.8, 0.2): the fourth is (0.6, 0.5), and the top runs off the canvas.
    const [box] = keptImageBoxes([0.5, -0.1, 0.3, 0.2, 0.8, 0.2], 800, 1000);
    expect(box?.y).toBe(0);
    expect(box?.x).toBeCloseTo(0.3);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeCloseTo(0.8);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeCloseTo(0.5);
  });
});
