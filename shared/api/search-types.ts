import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import type { SavedSearch } from '../model/library-doc.ts';
import type { QueryError } from '../search/query/query-ast.ts';

/** Types of the `search` group (docs/search.md). */

export interface SearchRequestBody {
  query: string;
  limit?: number;
  /** Search only these items (the current view); absent: the whole library. */
  within?: ItemId[];
}

export interface SearchHitInfo {
  id: ItemId;
  key: string;
  title: string;
  score: number;
  /** One line around a note, annotation or full-text match. */
  snippet?: string;
  /** 1-based page of a full-text snippet. */
  page?: number;
}

/** Where background indexing stands: PDFs whose text is read, of those attached. */
export interface IndexingProgress {
  pdfsDone: number;
  pdfsTotal: number;
}

/** A malformed query is an answer, not an exception: the box shows it inline while the user types. */
export type SearchAnswer =
  | { ok: true; total: number; hits: SearchHitInfo[]; highlightTerms: string[]; indexing: IndexingProgress }
  | { ok: false; error: QueryError };

export interface RelatedInfo {
  row: ItemRow;
  score: number;
  /** "shared: generalization gap, offline rl; same first author" */
  why: string;
}

export interface SavedSearchInfo extends SavedSearch {
  /** Items it matches now; null when its query no longer parses. */
  count: number | null;
}
