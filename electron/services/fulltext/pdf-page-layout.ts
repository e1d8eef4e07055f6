import type { TextRun } from '../../../shared/annotations/page-layout.ts';
import { MAX_TEXT_PAGES } from './pdf-page-text.ts';
import { openPdf } from './pdfjs-load.ts';

/** The text runs of some pages of a PDF, with glyph positions, and the page labels: what geometry is computed from. */
export interface PdfPageLayouts {
  pageCount: number;
  /** The label of every page (its 1-based number when the PDF has none). */
  labels: string[];
  /** The runs of each page asked for that could be read. */
  pages: Array<[number, TextRun[]]>;
}

/** pdf.js text items and styles, the part read here. */
interface ContentItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

export function textRuns(items: readonly unknown[], styles: Readonly<Record<string, { ascent?: number; descent?: number }>>): TextRun[] {
  const runs: TextRun[] = [];
  for (const raw of items) {
    const item = raw as ContentItem;
    if (typeof item.str !== 'string') continue;
    const style = item.fontName ? styles[item.fontName] : undefined;
    runs.push({
      str: item.str,
      hasEOL: item.hasEOL === true,
      transform: item.transform ? Array.from(item.transform) : [1, 0, 0, 1, 0, 0],
      width: item.width ?? 0,
      height: item.height ?? 0,
      ...(typeof style?.ascent === 'number' && style.ascent > 0 ? { ascent: style.ascent } : {}),
      ...(typeof style?.descent === 'number' && style.descent < 0 ? { descent: style.descent } : {}),
    });
  }
  return runs;
}

/**
 * Reads the text runs of the given 0-based pages (those past the page cap or that fail are left out) and every
 * page's label, with pdf.js and the services' safe options. Runs in the PDF worker thread in the hosts.
 */
export async function readPageLayouts(bytes: Uint8Array, pageIndices: readonly number[]): Promise<PdfPageLayouts> {
  const task = await openPdf(bytes);
  const doc = await task.promise;
  try {
    const own = await doc.getPageLabels().catch(() => null);
    const labels = Array.from({ length: Math.min(doc.numPages, MAX_TEXT_PAGES) }, (_, i) => own?.[i] || String(i + 1));
    const pages: Array<[number, TextRun[]]> = [];
    for (const index of [...new Set(pageIndices)].sort((a, b) => a - b)) {
      if (!Number.isInteger(index) || index < 0 || index >= labels.length) continue;
      try {
        const page = await doc.getPage(index + 1);
        const content = await page.getTextContent();
        pages.push([index, textRuns(content.items, content.styles)]);
        page.cleanup();
      } catch {
        // An unreadable page gets no geometry; the annotation keeps its mark.
      }
    }
    return { pageCount: doc.numPages, labels, pages };
  } finally {
    await task.destroy();
  }
}
