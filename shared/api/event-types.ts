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
  /** library-warning: something the user must be told once (an external edit kept aside); library.info().warnings has it too. */
  kind: 'write-error' | 'write-ok' | 'library-warning' | 'auto-export' | 'auto-export-error' | 'import-progress' | 'bibliography-progress' | 'fulltext-progress';
  message: string;
  /** 0..1 for progress events. */
  progress?: number;
}
