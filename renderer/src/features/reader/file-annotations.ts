import type { FolioDrawnPrints } from '../../../../shared/annotations/folio-drawn.ts';
import { recordFingerprint } from '../../../../shared/annotations/pdf-annotation-model.ts';
import type { PDFDocumentProxy } from './pdfjs.ts';

/** The pdf.js annotation data this reads: what a fingerprint is made of. */
interface AnnotationData {
  id?: string;
  subtype?: string;
  rect?: number[];
  quadPoints?: ArrayLike<number> | null;
  contentsObj?: { str?: string };
}

/** Beyond this many pages the file's own drawings are looked up without holding back the first page. */
const PAGES_BEFORE_FIRST_PAINT = 50;

/**
 * Tells pdf.js not to draw those objects (`noView` in the document's annotation storage, which the viewer sends with
 * each render in ENABLE_STORAGE mode). Resolves once the pages that hold them are done (the first
 * PAGES_BEFORE_FIRST_PAINT of them), so call it before the viewer draws. The file itself is never changed.
 */
export async function hideFolioDrawn(doc: PDFDocumentProxy, prints: FolioDrawnPrints): Promise<void> {
  const pages = [...prints.keys()].filter((i) => i >= 0 && i < doc.numPages).sort((a, b) => a - b);
  const hidePage = async (pageIndex: number): Promise<void> => {
    const wanted = prints.get(pageIndex);
    if (!wanted) return;
    try {
      const page = await doc.getPage(pageIndex + 1);
      for (const data of (await page.getAnnotations({ intent: 'display' })) as AnnotationData[]) {
        if (!data.id) continue;
        const print = recordFingerprint({
          subtype: data.subtype ?? '',
          pageIndex,
          rect: (data.rect ?? [0, 0, 0, 0]) as [number, number, number, number],
          quadPoints: data.quadPoints ? Array.from(data.quadPoints) : [],
          contents: data.contentsObj?.str ?? '',
        });
        if (print !== null && wanted.has(print)) doc.annotationStorage.setValue(data.id, { noView: true });
      }
    } catch {
      // A page pdf.js cannot read shows whatever it can draw.
    }
  };
  const first = pages.slice(0, PAGES_BEFORE_FIRST_PAINT);
  void Promise.all(pages.slice(PAGES_BEFORE_FIRST_PAINT).map(hidePage));
  await Promise.all(first.map(hidePage));
}
