import type { CslItemData } from '../model/csl.ts';

export interface DedupeCandidate {
  id: string;
  csl: CslItemData;
}

export type DuplicateReason = 'doi' | 'arxiv' | 'title-year-author';

export interface DuplicatePair {
  /** The candidate that came first in the input (for findDuplicatesOf: the new item). */
  a: string;
  b: string;
  reason: DuplicateReason;
  /** 0..1; identifiers score above title matches, and a same-year title match above a preprint-year one. */
  confidence: number;
}

export interface DedupeOptions {
  /** Pairs the user said are different papers; never reported, in either order. */
  notDuplicates?: Array<[string, string]>;
}
