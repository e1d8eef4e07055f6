import { joinTextPieces } from '../../../shared/annotations/page-layout.ts';
import { openPdf } from './pdfjs-load.ts';

/**
 * The text of every page of a PDF, through pdf.js with fonts never loaded and no scripting. Bounded, so a
 * hostile file cannot make the cache or the index unbounded.
 */

export const MAX_TEXT_PAGES = 5000;
export { MAX_PAGE_CHARS, joinTextPieces } from '../../../shared/annotations/page-layout.ts';

export async function extractPageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = await openPdf(bytes);
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    const count = Math.min(doc.numPages, MAX_TEXT_PAGES);
    for (let n = 1; n <= count; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(joinTextPieces(content.items.flatMap((i) => ('str' in i ? [{ str: i.str, hasEOL: i.hasEOL }] : []))));
        page.cleanup();
      } catch {
        // One unreadable page keeps its place (page numbers stay right) and the rest are still read.
        pages.push('');
      }
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
