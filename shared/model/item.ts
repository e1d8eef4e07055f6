import type { CslItemData } from './csl.ts';
import type { BibtexSource } from './bibtex-source.ts';
import type { AttachmentId, CollectionId, ItemId } from './ids.ts';
import type { Annotation } from './annotation.ts';

export type { Annotation } from './annotation.ts';

export type ReadStatus = 'unread' | 'reading' | 'read';

export interface Attachment {
  id: AttachmentId;
  /** Path relative to `<library>/attachments/`, always inside it. */
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedAt: string;
}

export interface Note {
  markdown: string;
  modifiedAt: string;
}

export interface Item {
  id: ItemId;
  citationKey: string;
  /** A pinned key is never regenerated, not even by an explicit bulk regenerate. */
  keyPinned: boolean;
  csl: CslItemData;
  tags: string[];
  collections: CollectionId[];
  read: ReadStatus;
  rating: number;
  flagged: boolean;
  addedAt: string;
  modifiedAt: string;
  trashedAt: string | null;
  attachments: Attachment[];
  note: Note | null;
  annotations: Annotation[];
  /** The imported BibTeX, when the item came from BibTeX. */
  source?: BibtexSource;
  /**
   * CSL variables the user edited since import. The BibTeX exporter writes
   * these from `csl`; every other field is written from `source` verbatim.
   */
  editedFields?: string[];
  metadataPending?: boolean;
  /** The import that created the item, for undo. */
  importBatchId?: string;
}

/** One row of the item table: small, flat, cheap to send for 50k items. */
export interface ItemRow {
  id: ItemId;
  key: string;
  type: string;
  title: string;
  /** "Vaswani, Shazeer, Parmar et al." */
  authors: string;
  year: number | null;
  venue: string;
  addedAt: string;
  modifiedAt: string;
  tags: string[];
  collections: CollectionId[];
  read: ReadStatus;
  flagged: boolean;
  trashed: boolean;
  hasNote: boolean;
  hasPdf: boolean;
  /** How many annotations the item's PDFs carry. */
  annotationCount: number;
  /** Set (true) only while the item waits for metadata from an online lookup. */
  metadataPending?: boolean;
}
