import type { DuplicateReason } from '../dedupe/dedupe-types.ts';
import type { ItemId } from '../model/ids.ts';
import type { Item, ItemRow } from '../model/item.ts';

/** An identifier that could not be turned into an item, and why ("DOI not found", "offline: will retry"). */
export interface LookupFailure {
  identifier: string;
  reason: string;
}

/** An identifier the library already holds: reported, never added twice. */
export interface LookupExisting {
  identifier: string;
  itemId: ItemId;
  key: string;
}

export interface AddByIdentifiersResult {
  created: ItemRow[];
  /** How many of `created` still wait for their metadata (offline). */
  pending: number;
  failures: LookupFailure[];
  existing: LookupExisting[];
}

export interface RetryPendingResult {
  completed: number;
  stillPending: number;
  failures: LookupFailure[];
}

export interface PdfImportResult {
  item: Item;
  /** False when the PDF was attached to an existing item, or was already in the library. */
  created: boolean;
  /** The item that already holds an identical file (same sha256); nothing was copied. */
  duplicateOf: ItemId | null;
}

export interface DuplicateCandidatePair {
  a: ItemRow;
  b: ItemRow;
  reason: DuplicateReason;
  confidence: number;
}

/** Which item's value each CSL variable takes; variables not named keep the kept item's value, or fill a gap from the other. */
export type MergeFieldChoice = 'keep' | 'other';

export interface MergeRequest {
  keepId: ItemId;
  otherId: ItemId;
  fields: Record<string, MergeFieldChoice>;
}

export interface MergePair {
  keepId: ItemId;
  otherId: ItemId;
}
