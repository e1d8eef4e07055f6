import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';

/** Types of the `lookup` group: adding items by identifier. */

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
