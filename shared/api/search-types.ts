import type { ItemId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';
import type { SavedSearch } from '../model/library-doc.ts';
import type { QueryError } from '../search/query/query-ast.ts';
import type { SearchHit } from '../search/query/search-run.ts';

/** Types of the `search` group (docs/search.md). */

export interface SearchRequestBody {
  query: string;
  limit?: number;
  /** Search only these items (the current view); absent: the whole library. */
  within?: ItemId[];
}

/** One ranked hit, as shared/search answers it. */
export type SearchHitInfo = SearchHit;

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
