import type { SaveResponse } from '../../shared/api/connector-protocol.ts';

/** Messages between the popup, the content script and the service worker. */
export interface PageSnapshot {
  url: string;
  /** The page's metadata elements only (meta, JSON-LD, COinS, title), as HTML. */
  html: string;
}
export interface PopupState {
  page: { url: string; isPaper: boolean; title: string; authors: string; sources: string; pdfUrl: string | null; doi: string | null; arxivId: string | null } | null;
  paired: boolean;
  reachable: boolean;
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
