import type { StatusEvent } from '../../../shared/api/event-types.ts';
import type { RelatedInfo } from '../../../shared/api/search-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { QueryError } from '../../../shared/search/query/query-ast.ts';
import type { SnippetSource } from '../../../shared/search/query/snippet.ts';
import { parseQuery } from '../../../shared/search/query/query-parser.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';
import { isSearching, viewQueryOf } from './view-slice.ts';

export const RELATED_LIMIT = 10;
/** Validation waits for a pause in typing, so an unfinished `year:` does not flash an error at every keystroke. */
export const VALIDATE_DEBOUNCE_MS = 120;
/** While PDF text is being read, a search on screen is asked again at most this often. */
const TEXT_REFRESH_MS = 1_000;

export interface RelatedState {
  id: ItemId;
  items: RelatedInfo[] | null;
  error: string | null;
}

export interface FulltextProgress {
  message: string;
  /** 0..1 */
  progress: number;
}

export interface SearchSlice {
  /** The error of the query in the search box, for the inline line under it; null when it parses. */
  queryError: { query: string; error: QueryError } | null;
  related: RelatedState | null;
  /** Background reading of PDF text; null when nothing is being read. */
  fulltextProgress: FulltextProgress | null;
  /** Checks `query` after a pause in typing; only the latest answer is kept. */
  validateQuery(query: string): void;
  loadRelated(id: ItemId | null): Promise<void>;
  /** After library changes, the shown item's related list is asked again, once per turn of the event loop. */
  scheduleRelatedRefresh(): void;
  onSearchStatus(event: StatusEvent): void;
  /** Shows one item: the whole library when the current view hides it. */
  revealItem(id: ItemId): void;
  /**
   * Opens where a snippet's match is. The hook point for the reader: a full-text match should open it at `page`;
   * until the window has a reader, the item's PDF is opened as the attachment list opens it. A note, annotation or
   * abstract match selects the item, whose details show that text.
   */
  openMatch(id: ItemId, source: SnippetSource, page: number | null): Promise<void>;
}

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let relatedAsked = 0;
  let relatedQueued = false;
  let textRefresh: ReturnType<typeof setTimeout> | null = null;

  return {
    queryError: null,
    related: null,
    fulltextProgress: null,

    validateQuery(query) {
      if (timer !== null) clearTimeout(timer);
      if (query.trim() === '') {
        set({ queryError: null });
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        // The host answers a malformed query with exactly this parse (search-run.ts): asking it would run the whole
        // search in the worker, beside the table's own, and wait for the index while it is built.
        const parsed = parseQuery(query);
        set({ queryError: parsed.ok ? null : { query, error: parsed.error } });
      }, VALIDATE_DEBOUNCE_MS);
    },

    async loadRelated(id) {
      const ticket = ++relatedAsked;
      if (id === null) {
        set({ related: null });
        return;
      }
      const previous = get().related;
      // Keep the list shown while the same item's list is refreshed: no flicker after an edit.
      if (previous?.id !== id) set({ related: { id, items: null, error: null } });
      try {
        const items = await getFolio().search.related(id, RELATED_LIMIT);
        if (ticket === relatedAsked) set({ related: { id, items, error: null } });
      } catch (error) {
        if (ticket === relatedAsked) set({ related: { id, items: [], error: errorMessage(error) } });
      }
    },

    scheduleRelatedRefresh() {
      if (get().related === null || relatedQueued) return;
      // Asked in the same turn as the change event (as rows are), not after a timer: a later request could find
      // the host already gone when the change was its last act before closing.
      relatedQueued = true;
      queueMicrotask(() => {
        relatedQueued = false;
        const shown = get().related;
        if (shown) void get().loadRelated(shown.id);
      });
    },

    onSearchStatus(event) {
      if (event.kind === 'search-ready') {
        if (isSearching(get())) void get().refreshView().catch(() => undefined);
        // A related list asked while the index was still being built was answered from part of the library.
        get().scheduleRelatedRefresh();
        get().scheduleSavedCounts();
        return;
      }
      if (event.kind !== 'fulltext-progress') return;
      // PDF text joined the index (after a start it comes from the cache a little after the first counts): a saved
      // search over full text may count more now. Debounced by the slice.
      get().scheduleSavedCounts();
      const progress = event.progress ?? 0;
      set({ fulltextProgress: progress >= 1 ? null : { message: event.message, progress } });
      // PDF text just joined the index: a search on screen may find more now. Asked at most once a second.
      if (!isSearching(get()) && !get().view.startsWith('saved:')) return;
      if (textRefresh !== null) return;
      textRefresh = setTimeout(() => {
        textRefresh = null;
        void get().refreshView().catch(() => undefined);
      }, progress >= 1 ? 0 : TEXT_REFRESH_MS);
    },

    async openMatch(id, source, page) {
      get().selectIds([id]);
      if (source !== 'fulltext' || page === null) return;
      // The reader opens the item's first PDF at the page the snippet came from.
      await get().openReaderAt({ itemId: id, attachmentId: null, pageIndex: Math.max(0, page - 1), annotationId: null });
    },

    revealItem(id) {
      const s = get();
      // The service knows whether the current view shows the item; if not, show everything so it can be selected.
      void getFolio().view.locate(viewQueryOf(s), [id]).then(
        ({ indices }) => {
          if ((indices[0] ?? -1) < 0) {
            get().setView({ kind: 'all' });
            if (get().filter !== '') get().setFilter('');
          }
          get().selectIds([id]);
        },
        () => get().selectIds([id]),
      );
    },
  };
};
