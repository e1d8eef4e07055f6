import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import type { LibraryCounts } from '../search/library-counts.ts';

/** Payloads of the events the host pushes (see FOLIO_EVENTS in folio-api.ts). */

export type Unsubscribe = () => void;

export interface LibraryChangedEvent {
  /** Items whose rows changed, or 'all' after a bulk change. */
  itemIds: ItemId[] | 'all';
  collectionsChanged: boolean;
  /**
   * The changed rows themselves, when few changed: a window applies them without asking again.
   * Absent after a bulk change (an import); the window then asks for the rows it paints.
   */
  rows?: ItemRow[];
  /** Ids of itemIds that no longer exist (purged). */
  removedIds?: ItemId[];
  /** The view revision after this change (see ViewPage.revision). */
  revision?: number;
  /** The sidebar's counts after this change, when the service keeps a view. */
  counts?: LibraryCounts;
}

export type MenuCommand = 'import' | 'export-library' | 'new-item' | 'new-collection' | 'focus-filter' | 'paste-bibtex' | 'undo' | 'redo';

export interface StatusEvent {
  /** library-warning: something the user must be told once (an external edit kept aside); library.info().warnings has it too. */
  kind: 'write-error' | 'write-ok' | 'library-warning' | 'auto-export' | 'auto-export-error' | 'import-progress' | 'bibliography-progress' | 'fulltext-progress' | 'search-ready';
  message: string;
  /** 0..1 for progress events. */
  progress?: number;
}
