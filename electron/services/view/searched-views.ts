import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import { parseView } from '../../../shared/search/library-view.ts';
import type { RowMatch } from '../../../shared/search/query/row-match.ts';
import { columnSort, type ViewQuery, type ViewResult } from '../../../shared/search/view-engine.ts';
import { parseQuery } from '../../../shared/search/query/query-parser.ts';
import type { LibraryViewState } from './library-view-state.ts';

/** The search engine as the views see it. */
export interface ViewSearch {
  /** False until the index holds the library: plain words are answered by the quick filter meanwhile. */
  ready(): boolean;
  /** Changes whenever the index does (PDF text read, a rebuild), so cached answers are asked again. */
  generation(): number;
  /** The ids a query matches among `within` (absent: the library outside the trash), best first; null on an error. */
  rank(query: string, within: ItemId[] | undefined): Promise<ItemId[] | null>;
  /** Why each id matched (for the rows sent to a window). */
  matches(query: string, ids: ItemId[]): Promise<Array<RowMatch | null>>;
}

/**
 * Box text in the query language (a `field:`, an operator, a quote, parentheses) needs the search engine; plain
 * words can be answered by the type-ahead quick filter while the index is still being built. The hyphen inside
 * `self-attention` is not an operator.
 */
export function usesQueryLanguage(filter: string): boolean {
  return /(^|\s)(-|NOT\s|\()|\b[a-z]+:|"|\sOR\s/i.test(filter);
}

/** A view's answer, with the query whose matches its rows can be asked for (absent: no search is involved). */
export interface SearchedResult extends ViewResult {
  readonly matchQuery?: string;
}

const KEPT = 6;

/**
 * The view engine's answers, narrowed by the search engine where the view is a saved search or the box holds text
 * that parses. Sorted by Relevance the rows come best first; sorted by a column they keep that column's order, so a
 * header click re-sorts the same results.
 */
export class SearchedViews {
  private readonly state: LibraryViewState;
  private readonly savedQuery: (name: string) => string | null;
  private readonly search: ViewSearch;
  private readonly cache = new Map<string, Promise<SearchedResult>>();

  constructor(state: LibraryViewState, savedQuery: (name: string) => string | null, search: ViewSearch) {
    this.state = state;
    this.savedQuery = savedQuery;
    this.search = search;
  }

  resolve(query: ViewQuery): Promise<SearchedResult> {
    const view = parseView(query.view);
    const text = query.filter.trim();
    const engine = this.state.engine();
    // A query with an error leaves the words to the quick filter (the box shows the error); plain words do the same
    // until the index is ready.
    const boxQuery = text !== '' && parseQuery(query.filter).ok && (this.search.ready() || usesQueryLanguage(query.filter));
    if (view.kind !== 'saved' && !boxQuery) return Promise.resolve(engine.query(query));
    const saved = view.kind === 'saved' ? this.savedQuery(view.name) : null;
    const key = JSON.stringify([engine.revision, this.search.generation(), query, saved]);
    let answer = this.cache.get(key);
    if (!answer) {
      answer = this.narrow(query, view.kind === 'saved', saved, boxQuery);
      this.cache.set(key, answer);
      answer.catch(() => this.cache.delete(key));
      while (this.cache.size > KEPT) this.cache.delete(this.cache.keys().next().value as string);
    }
    return answer;
  }

  /** Match details for rows of an answer; none when no search made it. */
  async matches(result: SearchedResult, ids: ItemId[]): Promise<Array<RowMatch | null> | undefined> {
    if (result.matchQuery === undefined || ids.length === 0) return undefined;
    return this.search.matches(result.matchQuery, ids);
  }

  private async narrow(query: ViewQuery, isSaved: boolean, saved: string | null, boxQuery: boolean): Promise<SearchedResult> {
    const engine = this.state.engine();
    const base = engine.query({ ...query, sort: columnSort(query.sort), view: isSaved ? 'all' : query.view, filter: boxQuery ? '' : query.filter });
    // The view's ids are copied only when needed: a search of the whole library sorted by relevance never reads them.
    let baseCopy: ItemId[] | null = null;
    const baseIds = (): ItemId[] => (baseCopy ??= base.ids(0, base.total));
    const within = isSaved || query.view === 'all' ? undefined : baseIds();
    const parts = [isSaved ? saved ?? '' : null, boxQuery ? query.filter : null].filter((p): p is string => p !== null);
    const combined = parts.map((p) => `(${p})`).join(' ');
    // A saved search that was deleted, or whose query no longer parses, shows nothing rather than everything.
    const broken = isSaved && (saved === null || !parseQuery(saved).ok);
    const matched = broken ? [] : (await this.search.rank(combined, within)) ?? [];
    let order: ItemId[];
    if (query.sort.column === 'relevance') {
      // Within a given view the ranking already kept to it; the library view and saved searches leave out the trash as
      // the search does by default, so only a query that asks for the trash needs the view applied again.
      const inBase = within || !/trash/i.test(combined) ? null : new Set(baseIds());
      order = inBase ? matched.filter((id) => inBase.has(id)) : matched;
    } else {
      const keep = new Set(matched);
      order = baseIds().filter((id) => keep.has(id));
    }
    let inViewCount = base.inViewCount;
    if (isSaved) {
      const savedOnly = boxQuery && saved !== null && !broken ? new Set((await this.search.rank(`(${saved})`, undefined)) ?? []) : new Set(order);
      inViewCount = boxQuery ? baseIds().filter((id) => savedOnly.has(id)).length : order.length;
    }
    let positions: Map<ItemId, number> | null = null;
    return {
      revision: base.revision,
      total: order.length,
      inViewCount,
      ...(broken ? {} : { matchQuery: combined }),
      rows: (offset, limit) => order.slice(offset, offset + limit).flatMap((id) => {
        const row: ItemRow | undefined = engine.get(id);
        return row ? [row] : [];
      }),
      ids: (offset, limit) => order.slice(offset, offset + limit),
      indexOf: (id) => {
        positions ??= new Map(order.map((x, i) => [x, i]));
        return positions.get(id) ?? -1;
      },
    };
  }
}
