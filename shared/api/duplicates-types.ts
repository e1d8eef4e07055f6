import type { DuplicateReason } from '../dedupe/dedupe-types.ts';
import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';

/** Types of the `duplicates` group. */

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
