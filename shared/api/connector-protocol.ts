import { MAX_PDF_BYTES } from './attachments-types.ts';

/**
 * The wire between the browser extension and Folio's connector port (docs/connector.md). Plain JSON over
 * loopback HTTP; every request carries `content-type: application/json`, the extension's Origin and, once
 * paired, the token header.
 */

export const CONNECTOR_DEFAULT_PORT = 23140;
export const CONNECTOR_TOKEN_HEADER = 'x-folio-connector-token';

export const CONNECTOR_PATHS = {
  /** Starts a pairing: answers { pairingId, code }. No token. */
  pair: '/connector/pair',
  /** Polls a pairing: answers { state, token? }. No token; the pairingId is the secret. */
  pairStatus: '/connector/pair/status',
  /** Answers the collections, to show in the popup. */
  status: '/connector/status',
  lookup: '/connector/lookup',
  save: '/connector/save',
  attach: '/connector/attach',
} as const;

/** The page snapshot the extension sends: its metadata tags, not the whole page. */
export const MAX_PAGE_CHARS = 8 * 1024 * 1024;
/** A save may carry a PDF of up to 200 MB (as base64, a third larger) plus the page snapshot. */
export const MAX_SAVE_BODY = Math.ceil(MAX_PDF_BYTES / 3) * 4 + MAX_PAGE_CHARS + 64 * 1024;
/** Every other request is small. */
export const MAX_SMALL_BODY = 64 * 1024;

export interface PairStartRequest {
  /** Shown in the prompt, e.g. "Chromium". */
  browser: string;
}
export interface PairStartResponse {
  pairingId: string;
  code: string;
}
export interface PairStatusRequest {
  pairingId: string;
}
export interface PairStatusResponse {
  state: 'pending' | 'allowed' | 'refused' | 'expired';
  /** Given once, on the first poll after the user allowed it. */
  token?: string;
}

export interface ConnectorCollection {
  id: string;
  /** "Parent › Child". */
  path: string;
}
export interface StatusResponse {
  library: string;
  collections: ConnectorCollection[];
}

export interface LookupRequest {
  doi: string | null;
  arxivId: string | null;
}
export interface LookupResponse {
  match: { itemId: string; citationKey: string; title: string; hasPdf: boolean } | null;
}

export interface PdfPayload {
  fileName: string;
  dataBase64: string;
}

export interface SaveRequest {
  /** Chosen by the extension per save: a save delivered twice (a retry, a queue flush) is answered, not repeated. */
  idempotencyKey: string;
  /**
   * 'page' (the default): `html` describes the paper, `pdf` is its PDF when one was fetched. 'pdf': a PDF opened
   * in the browser; `html` is empty, and the PDF import reads the paper from the file (DOI, arXiv id, title).
   */
  kind?: 'page' | 'pdf';
  pageUrl: string;
  /** The page's metadata as HTML (meta tags, JSON-LD, COinS); parsed by Folio with the same parser as `folio import`. */
  html: string;
  collectionId: string | null;
  tags: string[];
  pdf: PdfPayload | null;
}

export interface SaveResponse {
  /** 'created': a new item; 'exists': the library already had it (by DOI or arXiv id), nothing new was made. */
  status: 'created' | 'exists';
  itemId: string;
  citationKey: string;
  title: string;
  pdf: 'attached' | 'already-attached' | 'none' | 'failed';
  /** Why the PDF was not attached, when it failed. */
  pdfMessage?: string;
  hasPdf: boolean;
  /** Which sources the page had: `citation_* (12 fields), JSON-LD`. */
  sources: string;
  /** True when this answers an idempotency key seen before. */
  replayed: boolean;
}

export interface AttachRequest {
  idempotencyKey: string;
  itemId: string;
  pdf: PdfPayload;
}

/** Errors come as { error: { code, message } } with a 4xx/5xx status. */
export interface ConnectorErrorBody {
  error: { code: string; message: string };
}
