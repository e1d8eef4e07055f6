/**
 * pdf.js as every service loads it: the legacy (Node) build, imported on first use, and one set of document
 * options for every getDocument call, so no caller can forget one. A PDF is untrusted input:
 * - fonts are never loaded (`disableFontFace`, no system fonts): the services read text, they never paint glyphs;
 * - XFA is off; pdf.js has no scripting unless a viewer starts its sandbox, which the services never do;
 * - pdf.js 6 no longer has an eval path at all (the `isEvalSupported` option is gone), so fonts are never compiled to code;
 * - its CMaps and standard fonts come from the installed pdfjs-dist on disk, never a network;
 * - damaged files are read as far as they go (`stopAtErrors: false`), and pdf.js says nothing on the console.
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const SAFE_DOCUMENT_OPTIONS = {
  // pdf.js's own CMaps, read from disk: the text of a CJK PDF that names a predefined CMap instead of embedding one.
  cMapUrl: `${join(PDFJS_ROOT, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(PDFJS_ROOT, 'standard_fonts')}/`,
  disableFontFace: true,
  useSystemFonts: false,
  enableXfa: false,
  isOffscreenCanvasSupported: false,
  stopAtErrors: false,
  verbosity: 0,
} as const;

/** Opens bytes with the safe options; pdf.js detaches the buffer it is given, so it gets a copy. */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  return getDocument({ ...SAFE_DOCUMENT_OPTIONS, data: new Uint8Array(bytes) });
}
