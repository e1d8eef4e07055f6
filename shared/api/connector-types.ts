import type { ItemId } from '../model/ids.ts';

/** Types of the `connector` group: the browser extension's pairing, as the window sees it. */

/** A browser extension asking to add items; the window shows `code`, which the extension shows too. */
export interface PairingPrompt {
  /** Names this prompt for connector.answerPairing; it is not what the extension holds. */
  id: string;
  code: string;
  /** `chrome-extension://<id>` of the asking extension. */
  origin: string;
  requestedAt: string;
}

/** An item the library holds with the DOI or arXiv id asked for (lookup.findInLibrary). */
export interface IdentifierMatch {
  itemId: ItemId;
  citationKey: string;
  title: string;
  /** Whether a PDF is attached already. */
  hasPdf: boolean;
}

export interface IdentifierQuery {
  doi?: string | null;
  arxivId?: string | null;
}
