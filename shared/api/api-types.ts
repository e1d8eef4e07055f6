import type { CollectionId, ItemId } from '../model/ids.ts';
import type { CslItemData } from '../model/csl.ts';
import type { ReadStatus } from '../model/item.ts';
import type { AutoExportTarget } from '../model/library-doc.ts';

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

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json' | 'listing';

export interface ImportRequest {
  text: string;
  /** Shown in error messages as `fileName:line`. */
  fileName: string;
  /** Guessed from the file name and content when absent. */
  format?: ImportFormat;
  collectionId?: CollectionId | null;
  dryRun?: boolean;
  /** Names a long import so io.cancelImport can stop it; progress is reported through onStatus ('import-progress'). */
  jobId?: string;
}

export interface ImportIssue {
  file: string;
  line: number;
  reason: string;
  key?: string;
}

export interface ImportReport {
  format: ImportFormat;
  imported: number;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
  itemIds: ItemId[];
  /** Titles of the first items, for previews. */
  preview: string[];
  /** Identifies the batch, for undo. Empty for a dry run. */
  batchId: string;
}

export type ExportFormat = 'bibtex' | 'biblatex' | 'csl-json' | 'ris';

export type ExportScope =
  | { kind: 'library' }
  | { kind: 'collection'; collectionId: CollectionId; includeChildren: boolean }
  | { kind: 'items'; ids: ItemId[] }
  | { kind: 'keys'; keys: string[] };

export interface ExportRequest {
  scope: ExportScope;
  format: ExportFormat;
}

export interface ExportResult {
  text: string;
  count: number;
  /** Keys asked for that the library does not have, and other things to tell the user. */
  warnings: string[];
}

export type SortColumn = 'title' | 'authors' | 'year' | 'venue' | 'key' | 'addedAt';

/** What the window looked like when the user left; restored on the next start. */
export interface UiState {
  /** 'all' | 'unfiled' | 'trash' | `collection:<id>` | `tag:<name>` */
  view: string;
  selectedItemIds: string[];
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  expandedCollections: string[];
  sidebarWidth: number;
  detailsWidth: number;
  noteMode: 'edit' | 'preview';
  theme: 'system' | 'light' | 'dark';
  filter: string;
}

export const DEFAULT_UI_STATE: UiState = {
  view: 'all',
  selectedItemIds: [],
  sort: { column: 'addedAt', direction: 'desc' },
  expandedCollections: [],
  sidebarWidth: 220,
  detailsWidth: 380,
  noteMode: 'edit',
  theme: 'system',
  filter: '',
};

export interface KeyChange {
  id: ItemId;
  from: string;
  to: string;
}

export type AutoExportDraft = Omit<AutoExportTarget, 'id'>;

export interface AutoExportStatus {
  target: AutoExportTarget;
  lastWrittenAt: string | null;
  entries: number;
  lastError: string | null;
}

export type Unsubscribe = () => void;

export interface LibraryChangedEvent {
  /** Items whose rows changed, or 'all' after a bulk change. */
  itemIds: ItemId[] | 'all';
  collectionsChanged: boolean;
}

export type MenuCommand = 'import' | 'export-library' | 'new-item' | 'new-collection' | 'focus-filter' | 'paste-bibtex';

export interface StatusEvent {
  kind: 'write-error' | 'write-ok' | 'auto-export' | 'auto-export-error' | 'import-progress' | 'bibliography-progress';
  message: string;
  /** 0..1 for progress events. */
  progress?: number;
}
