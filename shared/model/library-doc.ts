import type { Collection } from './collection.ts';
import type { Item } from './item.ts';

export const CURRENT_SCHEMA_VERSION = 2;

export interface AutoExportTarget {
  id: string;
  /** Absolute path of the .bib (or other) file to keep in sync. */
  path: string;
  format: 'bibtex' | 'biblatex' | 'csl-json' | 'ris';
  /** null = whole library (unless savedSearch names one). */
  collectionId: string | null;
  /** The name of a saved search whose current matches the file holds; absent or null: see collectionId. */
  savedSearch?: string | null;
  /**
   * Synced to the other devices (the same file on each, such as a .bib inside a synced folder). Absent or false:
   * the target is this device's own, as auto-export paths are by default.
   */
  shared?: boolean;
}

export interface LibrarySettings {
  /** Citation key pattern, Better BibTeX style. */
  keyPattern: string;
  /** LaTeX command used by "Copy \cite{...}". */
  citeCommand: string;
  autoExports: AutoExportTarget[];
  /** Pairs of item ids the user marked "not a duplicate". */
  notDuplicates: Array<[string, string]>;
  /** Smart collections: a name and a query (docs/search.md). Absent in libraries that never saved one. */
  savedSearches?: SavedSearch[];
}

export interface SavedSearch {
  name: string;
  query: string;
}

export const DEFAULT_SETTINGS: LibrarySettings = {
  keyPattern: 'auth.lower+year+shorttitle',
  citeCommand: 'cite',
  autoExports: [],
  notDuplicates: [],
};

/** The lowdb document behind library.json. */
export interface LibraryDoc {
  schemaVersion: number;
  /** Highest journal sequence number folded into this file. */
  journalSeq: number;
  settings: LibrarySettings;
  collections: Collection[];
  items: Item[];
}

export function emptyLibraryDoc(): LibraryDoc {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journalSeq: 0,
    settings: { ...DEFAULT_SETTINGS, autoExports: [], notDuplicates: [] },
    collections: [],
    items: [],
  };
}
