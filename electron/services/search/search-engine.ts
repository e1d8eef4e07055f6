import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { SearchIndex } from '../../../shared/search/index/search-index.ts';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';
import { relatedItems, type RelatedHit } from '../../../shared/search/index/related.ts';
import { rowMatches, type RowMatch } from '../../../shared/search/query/row-match.ts';
import { rankQuery, runSearch, type RankOutcome, type SearchOutcome } from '../../../shared/search/query/search-run.ts';

export interface SearchRequest {
  query: string;
  limit?: number;
  /** Item ids to search within (a view); absent: the whole library. */
  within?: ItemId[];
  collections: readonly Collection[];
  now?: number;
}

/** The search index behind one interface: in this thread (the CLI) or in a worker thread (the app). */
export interface SearchEngine {
  put(docs: SearchDoc[]): Promise<void>;
  remove(ids: ItemId[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchOutcome>;
  /** Every matching id, best first: the table's Relevance order. */
  rank(request: SearchRequest): Promise<RankOutcome>;
  /** Why each of `ids` matched `query` (the rows a window is sent). */
  matches(query: string, ids: ItemId[], now?: number): Promise<Array<RowMatch | null>>;
  /** How many items each query matches (saved searches' counts); null for a malformed one. */
  count(queries: string[], collections: readonly Collection[]): Promise<Array<number | null>>;
  related(id: ItemId, limit: number): Promise<RelatedHit[]>;
  /** Called when the engine lost its index (a worker that died) and must be filled again. */
  onLost(listener: () => void): void;
  dispose(): Promise<void>;
}

/** The operations themselves, shared by the in-thread engine and the worker. */
export class SearchCore {
  readonly index = new SearchIndex();

  put(docs: SearchDoc[]): void {
    for (const doc of docs) this.index.put(doc);
  }

  remove(ids: ItemId[]): void {
    for (const id of ids) this.index.remove(id);
  }

  search(request: SearchRequest): SearchOutcome {
    return runSearch(this.index, this.context(request), request.query, this.options(request));
  }

  rank(request: SearchRequest): RankOutcome {
    return rankQuery(this.index, this.context(request), request.query, this.options(request));
  }

  matches(query: string, ids: ItemId[], now?: number): Array<RowMatch | null> {
    return rowMatches(this.index, query, ids, now);
  }

  private context(request: SearchRequest) {
    const related = (key: string) => {
      const owner = [...this.index.slots()].map((s) => this.index.doc(s)).find((d) => d?.key.toLowerCase() === key.toLowerCase());
      return owner ? relatedItems(this.index, owner.id, 10) : [];
    };
    return { collections: request.collections, related };
  }

  private options(request: SearchRequest) {
    const within = request.within ? new Set(request.within) : null;
    return {
      ...(request.limit === undefined ? {} : { limit: request.limit }),
      ...(request.now === undefined ? {} : { now: request.now }),
      ...(within ? { scope: (doc: SearchDoc) => within.has(doc.id) } : {}),
    };
  }

  count(queries: string[], collections: readonly Collection[]): Array<number | null> {
    return queries.map((query) => {
      const out = this.search({ query, collections, limit: 0 });
      return out.ok ? out.total : null;
    });
  }

  related(id: ItemId, limit: number): RelatedHit[] {
    return relatedItems(this.index, id, limit);
  }
}

/** For one-shot processes (the CLI): no thread to start, nothing to wait for. */
export class LocalSearchEngine implements SearchEngine {
  private readonly core = new SearchCore();

  put(docs: SearchDoc[]): Promise<void> {
    this.core.put(docs);
    return Promise.resolve();
  }

  remove(ids: ItemId[]): Promise<void> {
    this.core.remove(ids);
    return Promise.resolve();
  }

  search(request: SearchRequest): Promise<SearchOutcome> {
    return Promise.resolve(this.core.search(request));
  }

  rank(request: SearchRequest): Promise<RankOutcome> {
    return Promise.resolve(this.core.rank(request));
  }

  matches(query: string, ids: ItemId[], now?: number): Promise<Array<RowMatch | null>> {
    return Promise.resolve(this.core.matches(query, ids, now));
  }

  count(queries: string[], collections: readonly Collection[]): Promise<Array<number | null>> {
    return Promise.resolve(this.core.count(queries, collections));
  }

  related(id: ItemId, limit: number): Promise<RelatedHit[]> {
    return Promise.resolve(this.core.related(id, limit));
  }

  onLost(): void {
    // An index in this thread is lost only with the process.
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}
