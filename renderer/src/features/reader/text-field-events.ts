/**
 * pdf.js's text layers listen on the document for `selectionchange` and `keyup`. On each one they move every drawn
 * page's end-of-content marker back into place and then read the selection, which forces a layout: 2–6 ms of the
 * window's thread per event in a trace of the annotations filter, and Chromium fires both for every keystroke in a
 * text field (`selectionchange` at the field, bubbling). A text field's own caret and keys never concern a page's
 * selection, so those events stop at the body: React, which listens at its root below it, has seen them already.
 */
const FIELD = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

let installed = false;

export function keepTextFieldEventsFromPdfjs(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const body = document.body;
  const stop = (e: Event): void => {
    if (e.target instanceof Element && e.target.matches(FIELD)) e.stopPropagation();
  };
  body.addEventListener('selectionchange', stop);
  body.addEventListener('keyup', stop);
}
