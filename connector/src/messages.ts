import type { SaveResponse } from '../../shared/api/connector-protocol.ts';

/** Messages between the popup, the content script and the service worker. */
export interface PageSnapshot {
  url: string;
  /** The document's content type: `application/pdf` for a PDF shown by the browser's viewer. */
  contentType: string;
  /** The page's metadata elements only (meta, JSON-LD, COinS, title), as HTML. */
  html: string;
}
export interface PopupPage {
  url: string;
  /** A page describing a paper, a PDF opened in the browser, or neither. */
  kind: 'paper' | 'pdf' | 'other';
  title: string;
  authors: string;
  /** Where the paper appeared, and when: "NeurIPS 2017", "arXiv 2017". */
  venue: string;
  sources: string;
  pdfUrl: string | null;
  doi: string | null;
  arxivId: string | null;
}
export interface PopupState {
  page: PopupPage | null;
  paired: boolean;
  reachable: boolean;
  library: string | null;
  pairing: { code: string } | null;
  collections: Array<{ id: string; path: string }>;
  lastCollection: string | null;
  existing: { itemId: string; title: string; hasPdf: boolean } | null;
  queued: number;
  port: number;
}
export type Request =
  | { kind: 'snapshot'; snapshot: PageSnapshot }
  | { kind: 'popup-state'; tabId: number }
  | { kind: 'pair' }
  | { kind: 'save'; tabId: number; collectionId: string | null; tags: string[] }
  | { kind: 'attach'; tabId: number; itemId: string }
  | { kind: 'set-port'; port: number };
export type SaveOutcome = { ok: true; response: SaveResponse } | { ok: false; queued: boolean; message: string };
