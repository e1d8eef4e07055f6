import type { ItemId } from '../model/ids.ts';
import type { Item } from '../model/item.ts';
import type { PdfAnnotationImportResult } from './pdf-annotations-types.ts';

/** Types of the `attachments` group. */

/** A PDF of 200 MB is 267 MB as base64. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export interface PdfImportResult {
  item: Item;
  /** False when the PDF was attached to an existing item, or was already in the library. */
  created: boolean;
  /** The item that already holds an identical file (same sha256); nothing was copied. */
  duplicateOf: ItemId | null;
  /** The annotation objects the file held, as imported into the item (absent when they were not read). */
  annotations?: PdfAnnotationImportResult;
}
