import type { ItemId } from '../model/ids.ts';

/** Payloads of the events the host pushes (see FOLIO_EVENTS in folio-api.ts). */

export type Unsubscribe = () => void;

export interface LibraryChangedEvent {
  /** Items whose rows changed, or 'all' after a bulk change. */
  itemIds: ItemId[] | 'all';
  collectionsChanged: boolean;
}

export type MenuCommand = 'import' | 'export-library' | 'new-item' | 'new-collection' | 'focus-filter' | 'paste-bibtex';

export interface StatusEvent {
  kind: 'write-error' | 'write-ok' | 'auto-export' | 'auto-export-error' | 'import-progress' | 'bibliography-progress' | 'fulltext-progress';
  message: string;
  /** 0..1 for progress events. */
  progress?: number;
}
