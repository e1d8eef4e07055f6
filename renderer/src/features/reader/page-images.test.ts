import { describe, expect, it } from 'vitest';
import { keptImageBoxes, keptPixels } from './page-images.ts';

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

describe('keptPixels', () => {
  it('copies the pixels wholly inside the image and lays them over every pixel it touches', () => {
    // An image from x 100.4 to 250.6 and y 50.5 to 200.5 on a 1000 x 1000 canvas.
    const pixels = keptPixels({ x: 0.1004, y: 0.0505, width: 0.1502, height: 0.15 }, 1000, 1000);
    expect(pixels?.source).toEqual({ x: 101, y: 51, width: 149, height: 149 });
    expect(pixels?.cover).toEqual({ x: 100, y: 50, width: 151, height: 151 });
  });

  it('copies an image on whole pixels as it is', () => {
    const pixels = keptPixels({ x: 0.1, y: 0.2, width: 0.3, height: 0.25 }, 1000, 1000);
    expect(pixels?.source).toEqual(pixels?.cover);
  });

  it('skips an image with no whole pixel inside', () => {
    expect(keptPixels({ x: 0.1001, y: 0.1, width: 0.0005, height: 0.2 }, 1000, 1000)).toBeNull();
  });
});
