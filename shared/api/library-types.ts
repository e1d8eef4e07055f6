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
  host: 'electron' | 'web';
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
