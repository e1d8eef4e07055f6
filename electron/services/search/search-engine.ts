import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { SearchIndex } from '../../../shared/search/index/search-index.ts';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';
import { relatedItems, type RelatedHit } from '../../../shared/search/index/related.ts';
import { rowMatches, type RowMatch } from '../../../shared/search/query/row-match.ts';
import { rankQuery, runSearch, type RankOutcome, type SearchOutcome } from '../../../shared/search/query/search-run.ts';
import { readIndexFile, writeIndexFile } from './index-file.ts';

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
  /** Adds or replaces documents, each with the fingerprint of what it was made from (`fingerprintOf`). */
  put(docs: SearchDoc[], fingerprints: string[]): Promise<void>;
  remove(ids: ItemId[]): Promise<void>;
  /** Replaces the index with the one saved at `path`; false (and the index left as it was) when there is none to trust. */
  load(path: string): Promise<boolean>;
  /**
   * Keeps the documents whose fingerprint is the one given for their item, drops the rest (edited or gone), and
   * answers the ids that must be put: the library is the truth, the index only a cache of it.
   */
  reconcile(expected: Array<[ItemId, string]>): Promise<ItemId[]>;
  /** Writes the index to `path` if it changed since it was loaded or last saved; its size in bytes, or null. */
  save(path: string): Promise<number | null>;
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
  private current = new SearchIndex();
  private fingerprints = new Map<ItemId, string>();
  /** Whether the index changed since it was loaded or saved. */
  private dirty = false;

  get index(): SearchIndex {
    return this.current;
  }

  put(docs: SearchDoc[], fingerprints: string[]): void {
    docs.forEach((doc, i) => {
      this.current.put(doc);
      this.fingerprints.set(doc.id, fingerprints[i] ?? '');
    });
    if (docs.length > 0) this.dirty = true;
  }

  remove(ids: ItemId[]): void {
    for (const id of ids) {
      this.current.remove(id);
      this.fingerprints.delete(id);
    }
    if (ids.length > 0) this.dirty = true;
  }

  async load(path: string): Promise<boolean> {
    const saved = await readIndexFile(path);
    if (!saved) return false;
    this.current = SearchIndex.fromSnapshot(saved.snapshot);
    this.fingerprints = new Map(saved.snapshot.docs.map((d, i) => [d.id, saved.fingerprints[i] as string]));
    this.dirty = false;
    return true;
  }

  reconcile(expected: Array<[ItemId, string]>): ItemId[] {
    const want = new Map(expected);
    const gone: ItemId[] = [];
    for (const [id, fp] of this.fingerprints) if (want.get(id) !== fp) gone.push(id);
    if (gone.length > this.fingerprints.size / 2) {
      // Most of it is stale (another library, a bulk edit): starting empty is cheaper than removing one by one.
      this.current = new SearchIndex();
      this.fingerprints.clear();
      this.dirty = true;
    } else this.remove(gone);
    return expected.filter(([id]) => !this.fingerprints.has(id)).map(([id]) => id);
  }

  async save(path: string): Promise<number | null> {
    if (!this.dirty) return null;
    // Taken at once, so documents put while it is written go to the next save.
    const snapshot = this.current.snapshot();
    const fingerprints = snapshot.docs.map((d) => this.fingerprints.get(d.id) ?? '');
    this.dirty = false;
    try {
      return await writeIndexFile(path, { snapshot, fingerprints });
    } catch (error) {
      this.dirty = true;
      throw error;
    }
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

  put(docs: SearchDoc[], fingerprints: string[]): Promise<void> {
    this.core.put(docs, fingerprints);
    return Promise.resolve();
  }

  load(path: string): Promise<boolean> {
    return this.core.load(path);
  }

  reconcile(expected: Array<[ItemId, string]>): Promise<ItemId[]> {
    return Promise.resolve(this.core.reconcile(expected));
  }

  save(path: string): Promise<number | null> {
    return this.core.save(path);
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
