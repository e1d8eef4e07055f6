import { pdfjsLib } from './pdfjs-setup.ts';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
export { EventBus, PDFFindController, PDFLinkService, PDFViewer };

let sharedWorker: InstanceType<typeof pdfjsLib.PDFWorker> | null = null;

/**
 * One pdf.js worker for every reader tab, started once: starting a worker means compiling 1.3 MB of
 * script, which would otherwise stand between each double-click and its first page.
 */
export function pdfWorker(): InstanceType<typeof pdfjsLib.PDFWorker> {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new pdfjsLib.PDFWorker();
  return sharedWorker;
}

/**
 * Opens a PDF with everything active turned off: no scripting (the viewer gets no scripting manager),
 * no XFA, forms drawn flat, no eval-compiled fonts. The URL is the host's attachment route.
 * Both hosts answer byte ranges, so pdf.js reads only what the pages on screen need (a 20 MB book's
 * first page costs a few 64 kB ranges) instead of streaming the whole file through this thread.
 */
export function loadPdf(url: string): ReturnType<typeof pdfjsLib.getDocument> {
  // pdf.js's data files come from the app's own origin (the build copies them to pdfjs/): CMaps for CJK text
  // without embedded fonts, the standard-14 fonts, the colour profile and the JPEG 2000 / JBIG2 decoders.
  const assets = (dir: string): string => new URL(`pdfjs/${dir}/`, document.baseURI).href;
  return pdfjsLib.getDocument({
    url,
    cMapUrl: assets('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assets('standard_fonts'),
    wasmUrl: assets('wasm'),
    iccUrl: assets('iccs'),
    worker: pdfWorker(),
    enableXfa: false,
    // Our own origin, with the token in the URL: no credentials needed, and none sent anywhere else.
    withCredentials: false,
    stopAtErrors: false,
    disableStream: true,
    disableAutoFetch: true,
  });
}

/**
 * Annotations drawn as the file has them, forms flat, with the document's annotation storage sent along: it holds
 * nothing but `noView` for the objects Folio draws itself (file-annotations.ts).
 */
export const ANNOTATION_MODE_STORAGE = pdfjsLib.AnnotationMode.ENABLE_STORAGE;
export const EDITOR_DISABLED = pdfjsLib.AnnotationEditorType.DISABLE;
