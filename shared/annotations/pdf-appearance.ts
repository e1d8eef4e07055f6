import type { PdfRect } from '../model/annotation.ts';
import type { PdfAnnotationFields } from './pdf-annotation-model.ts';

/**
 * The normal appearance (/AP /N) of each annotation Folio writes, as a form XObject's content. Its /BBox is the
 * annotation's /Rect, so the operators draw in page coordinates. Readers that honour appearance streams (all the
 * common ones) show exactly this; one that ignores them draws its own from /QuadPoints and /C.
 */
export interface AppearanceStream {
  bbox: PdfRect;
  content: string;
  /** Set for highlights: an ExtGState /GS0 with this blend mode and fill opacity. */
  blend?: { mode: 'Multiply'; opacity: number };
}

const n = (value: number) => String(Math.round(value * 1000) / 1000);
const rgb = (c: readonly number[]) => c.map(n).join(' ');

function quadsOf(points: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 8 <= points.length; i += 8) out.push(points.slice(i, i + 8));
  return out;
}

export function appearanceFor(fields: PdfAnnotationFields): AppearanceStream {
  const { color, rect } = fields;
  switch (fields.subtype) {
    case 'Highlight': {
      const paths = quadsOf(fields.quadPoints).map((q) => `${n(q[0]!)} ${n(q[1]!)} m ${n(q[2]!)} ${n(q[3]!)} l ${n(q[6]!)} ${n(q[7]!)} l ${n(q[4]!)} ${n(q[5]!)} l h`);
      return { bbox: rect, content: `/GS0 gs ${rgb(color)} rg\n${paths.join('\n')}\nf\n`, blend: { mode: 'Multiply', opacity: fields.opacity } };
    }
    case 'Underline': {
      const lines = quadsOf(fields.quadPoints).map((q) => {
        const height = Math.abs(q[1]! - q[5]!);
        // Just below the baseline, which sits about a tenth of the line's height above the quad's bottom.
        const width = Math.max(0.8, height / 12);
        const y = Math.min(q[5]!, q[7]!) + height * 0.1;
        return `${n(width)} w ${n(q[4]!)} ${n(y)} m ${n(q[6]!)} ${n(y)} l S`;
      });
      return { bbox: rect, content: `${rgb(color)} RG\n${lines.join('\n')}\n` };
    }
    case 'Square': {
      const w = 1.5;
      const [x1, y1, x2, y2] = rect;
      return { bbox: rect, content: `${n(w)} w ${rgb(color)} RG\n${n(x1 + w / 2)} ${n(y1 + w / 2)} ${n(x2 - x1 - w)} ${n(y2 - y1 - w)} re S\n` };
    }
    case 'Text': {
      // A note icon: a coloured sheet with a dark edge and three lines of "text".
      const [x1, y1, x2, y2] = rect;
      const w = x2 - x1;
      const h = y2 - y1;
      const lines = [0.7, 0.5, 0.3].map((f) => `${n(x1 + w * 0.2)} ${n(y1 + h * f)} m ${n(x2 - w * 0.2)} ${n(y1 + h * f)} l`).join(' ');
      return {
        bbox: rect,
        content: `${rgb(color)} rg 0.2 0.2 0.2 RG 1 w\n${n(x1 + 0.5)} ${n(y1 + 0.5)} ${n(w - 1)} ${n(h - 1)} re B\n0.8 w ${lines} S\n`,
      };
    }
  }
}
