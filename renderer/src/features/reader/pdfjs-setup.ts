import * as pdfjsLib from 'pdfjs-dist';
// Bundled by Vite as a file of our own origin: the CSP's script-src 'self' covers the worker, no blob: or eval.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;
// pdf_viewer.mjs reads the library from this global; it must be set before that module runs.
(globalThis as { pdfjsLib?: typeof pdfjsLib }).pdfjsLib = pdfjsLib;

export { pdfjsLib };
