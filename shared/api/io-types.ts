import type { CollectionId, ItemId } from '../model/ids.ts';
import type { AutoExportTarget } from '../model/library-doc.ts';
import type { ImportFormat, ImportIssue } from '../formats/import-issue.ts';
import type { ExportFormat, ExportScope } from './api-primitives.ts';

/** Types of the `io` group: import, export, auto-export. */

export type { ImportFormat, ImportIssue };

export interface ImportRequest {
  text: string;
  /** Shown in error messages as `fileName:line`. */
  fileName: string;
  /** Guessed from the file name and content when absent. */
  format?: ImportFormat;
  collectionId?: CollectionId | null;
  dryRun?: boolean;
  /** Where a page (format 'html') was shown: resolves its relative links and recognises arXiv and Hugging Face addresses. */
  pageUrl?: string;
  /** Names a long import so io.cancelImport can stop it; progress is reported through onStatus ('import-progress'). */
  jobId?: string;
}

export interface ImportReport {
  format: ImportFormat;
  imported: number;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
  itemIds: ItemId[];
  /** Titles of the first items, for previews. */
  preview: string[];
  /** For a web page: the metadata sources found, e.g. `citation_* (12 fields), JSON-LD`. */
  pageSources?: string;
  /** Identifies the batch, for undo. Empty for a dry run. */
  batchId: string;
}

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

export type AutoExportDraft = Omit<AutoExportTarget, 'id'>;

export interface AutoExportStatus {
  target: AutoExportTarget;
  lastWrittenAt: string | null;
  entries: number;
  lastError: string | null;
}
