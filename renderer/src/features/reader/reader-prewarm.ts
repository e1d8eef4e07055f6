/**
 * The first PDF opened would otherwise wait for the reader's code (pdf.js and its viewer, 1.2 MB) to load and for
 * the pdf.js worker to start (compiling another 1.3 MB in its thread): about 1.2 s between the double-click and the
 * first page, in a trace. Once the window is idle after start, both are begun in the background, so the first open
 * costs what a later one does. The worker compiles on its own thread; this thread only parses the reader's module.
 */
let begun = false;

export function prewarmReader(): void {
  if (begun || typeof window === 'undefined') return;
  begun = true;
  const run = (): void => {
    void import('./ReaderHost.tsx').catch(() => undefined);
    void import('./pdfjs.ts')
      .then((pdfjs) => pdfjs.pdfWorker())
      .catch(() => {
        // Tried again on the open itself (loadPdf starts the worker when none is running).
        begun = false;
      });
  };
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2000 });
  else window.setTimeout(run, 500);
}
