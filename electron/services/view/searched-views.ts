import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import { parseView } from '../../../shared/search/library-view.ts';
import type { ViewQuery, ViewResult } from '../../../shared/search/view-engine.ts';
import { parseQuery } from '../../../shared/search/query/query-parser.ts';
import type { LibraryViewState } from './library-view-state.ts';

/** The ids a query matches among `within` (absent: the library outside the trash); null when the query has an error. */
export type QueryIds = (query: string, within: ItemId[] | undefined) => Promise<ItemId[] | null>;

/**
 * Box text in the query language (a `field:`, an operator, a quote, parentheses) is answered by the search engine;
 * plain words keep the type-ahead quick filter. The hyphen inside `self-attention` is not an operator.
 */
export function usesQueryLanguage(filter: string): boolean {
  return /(^|\s)(-|NOT\s|\()|\b[a-z]+:|"|\sOR\s/i.test(filter);
}

const KEPT = 6;

/**
 * The view engine's answers, narrowed by the search engine where the view is a saved search or the box holds a query:
 * the rows keep the table's sort order, so a query filters the table like the quick filter does.
 */
export class SearchedViews {
  private readonly state: LibraryViewState;
  private readonly savedQuery: (name: string) => string | null;
  private readonly queryIds: QueryIds;
  private readonly cache = new Map<string, Promise<ViewResult>>();

  constructor(state: LibraryViewState, savedQuery: (name: string) => string | null, queryIds: QueryIds) {
    this.state = state;
    this.savedQuery = savedQuery;
    this.queryIds = queryIds;
  }

  resolve(query: ViewQuery): Promise<ViewResult> {
    const view = parseView(query.view);
    const boxQuery = query.filter.trim() !== '' && usesQueryLanguage(query.filter) && parseQuery(query.filter).ok;
    const engine = this.state.engine();
    if (view.kind !== 'saved' && !boxQuery) return Promise.resolve(engine.query(query));
    const saved = view.kind === 'saved' ? this.savedQuery(view.name) : null;
    const key = JSON.stringify([engine.revision, query, saved]);
    let answer = this.cache.get(key);
    if (!answer) {
      answer = this.narrow(query, view.kind === 'saved', saved, boxQuery);
      this.cache.set(key, answer);
      answer.catch(() => this.cache.delete(key));
      while (this.cache.size > KEPT) this.cache.delete(this.cache.keys().next().value as string);
    }
    return answer;
  }

  private async narrow(query: ViewQuery, isSaved: boolean, saved: string | null, boxQuery: boolean): Promise<ViewResult> {
    const engine = this.state.engine();
    const base = engine.query({ ...query, view: isSaved ? 'all' : query.view, filter: boxQuery ? '' : query.filter });
    const baseIds = base.ids(0, base.total);
    const within = isSaved || query.view === 'all' ? undefined : baseIds;
    const parts = [isSaved ? saved ?? '' : null, boxQuery ? query.filter : null].filter((p): p is string => p !== null);
    // A saved search that was deleted, or whose query no longer parses, shows nothing rather than everything.
    const matched = isSaved && (saved === null || !parseQuery(saved).ok) ? [] : await this.queryIds(parts.map((p) => `(${p})`).join(' '), within);
    const keep = new Set(matched ?? []);
    const order = baseIds.filter((id) => keep.has(id));
    let inViewCount = base.inViewCount;
    if (isSaved) {
      const savedOnly = boxQuery && saved !== null ? new Set((await this.queryIds(`(${saved})`, undefined)) ?? []) : keep;
      inViewCount = boxQuery ? baseIds.filter((id) => savedOnly.has(id)).length : order.length;
    }
    const positions = new Map(order.map((id, i) => [id, i]));
    return {
      revision: base.revision,
      total: order.length,
      inViewCount,
      rows: (offset, limit) => order.slice(offset, offset + limit).flatMap((id) => {
        const row: ItemRow | undefined = engine.get(id);
        return row ? [row] : [];
      }),
      ids: (offset, limit) => order.slice(offset, offset + limit),
      indexOf: (id) => positions.get(id) ?? -1,
    };
  }
}
