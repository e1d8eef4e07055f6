import { pdfjsLib } from './pdfjs-setup.ts';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
export { EventBus, PDFFindController, PDFLinkService, PDFViewer };

/**
 * Opens a PDF with everything active turned off: no scripting (the viewer gets no scripting manager),
 * no XFA, forms drawn flat, no eval-compiled fonts. The URL is the host's attachment route.
 */
export function loadPdf(url: string): ReturnType<typeof pdfjsLib.getDocument> {
  return pdfjsLib.getDocument({
    url,
    enableXfa: false,
    // Our own origin, with the token in the URL: no credentials needed, and none sent anywhere else.
    withCredentials: false,
    stopAtErrors: false,
  });
}

export const ANNOTATION_MODE_ENABLE = pdfjsLib.AnnotationMode.ENABLE;
export const EDITOR_DISABLED = pdfjsLib.AnnotationEditorType.DISABLE;
