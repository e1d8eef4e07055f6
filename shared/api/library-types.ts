import type { CollectionId, ItemId } from '../model/ids.ts';
import type { CslItemData } from '../model/csl.ts';
import type { ReadStatus } from '../model/item.ts';

/** Types of the `library` and `keys` groups. */

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string;
  /** Folder name, shown in the window title. */
  name: string;
  itemCount: number;
  schemaVersion: number;
  /** Things the user must be told: "library.json was damaged and restored from backup ...". */
  warnings: string[];
  /** The last write failure (ENOSPC, EACCES ...), null once a write succeeds again. */
  lastWriteError: string | null;
  /**
   * Set when this session opened a damaged library.json from which not everything could be read.
   * The window must show it as a blocking notice (the user has to read and dismiss it) before the
   * library is used; `warnings` holds the same message for hosts that only list warnings.
   */
  salvage: SalvageReport | null;
  host: 'electron' | 'web';
}

/** What a salvage of a damaged library.json kept and what it may have lost. */
export interface SalvageReport {
  /** File name of the damaged library.json, kept byte for byte beside the new one (library.json.damaged-…). */
  damagedFile: string;
  /** Items read from the damaged file. */
  itemsKept: number;
  /** Items taken from the newest verified backup because they were not among the readable lines. */
  itemsFromBackup: number;
  /** 1-based lines of the damaged file that could not be read. */
  unreadableLines: number[];
  /** The file stops before its end: whatever followed the last readable line is lost. */
  endsEarly: boolean;
  /** The whole notice, in one paragraph. */
  message: string;
}

export interface ItemDraft {
  csl: CslItemData;
  tags?: string[];
  collections?: CollectionId[];
  citationKey?: string;
}

export interface ItemPatch {
  /** CSL variables to set; a null value removes the variable. */
  csl?: Record<string, unknown>;
  tags?: string[];
  read?: ReadStatus;
  rating?: number;
  flagged?: boolean;
}

export interface KeyChange {
  id: ItemId;
  from: string;
  to: string;
}
