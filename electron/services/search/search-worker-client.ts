import { Worker } from 'node:worker_threads';
import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';
import type { RelatedHit } from '../../../shared/search/index/related.ts';
import type { RowMatch } from '../../../shared/search/query/row-match.ts';
import type { RankOutcome, SearchOutcome } from '../../../shared/search/query/search-run.ts';
import type { SearchEngine, SearchRequest } from './search-engine.ts';
import { unpackRank, type PackedRank } from './rank-packing.ts';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-worker-protocol.ts';

// Kept in a variable so bundlers leave it alone: under Electron the composition root passes the bundled path.
const WORKER_FILE = './search-worker.ts';

export function defaultSearchWorkerPath(): URL {
  return new URL(WORKER_FILE, import.meta.url);
}

type Body<R> = R extends unknown ? Omit<R, 'seq'> : never;

/**
 * The search index in a worker thread. A worker that dies is started again on the next call, empty; `onLost`
 * tells the indexer to fill it again (the index is derived data: nothing is lost).
 */
export class WorkerSearchEngine implements SearchEngine {
  private readonly path: string | URL;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private seq = 1;
  private lostListener: () => void = () => undefined;

  constructor(path: string | URL = defaultSearchWorkerPath()) {
    this.path = path;
  }

  onLost(listener: () => void): void {
    this.lostListener = listener;
  }

  async put(docs: SearchDoc[], fingerprints: string[]): Promise<void> {
    await this.send({ kind: 'put', docs, fingerprints });
  }

  load(path: string): Promise<boolean> {
    return this.send({ kind: 'load', path }) as Promise<boolean>;
  }

  reconcile(expected: Array<[ItemId, string]>): Promise<ItemId[]> {
    return this.send({ kind: 'reconcile', expected }) as Promise<ItemId[]>;
  }

  save(path: string): Promise<number | null> {
    return this.send({ kind: 'save', path }) as Promise<number | null>;
  }

  async remove(ids: ItemId[]): Promise<void> {
    await this.send({ kind: 'remove', ids });
  }

  search(request: SearchRequest): Promise<SearchOutcome> {
    return this.send({ kind: 'search', request }) as Promise<SearchOutcome>;
  }

  async rank(request: SearchRequest): Promise<RankOutcome> {
    return unpackRank(await (this.send({ kind: 'rank', request }) as Promise<PackedRank>));
  }

  matches(query: string, ids: ItemId[], now?: number): Promise<Array<RowMatch | null>> {
    return this.send({ kind: 'matches', query, ids, ...(now === undefined ? {} : { now }) }) as Promise<Array<RowMatch | null>>;
  }

  count(queries: string[], collections: readonly Collection[]): Promise<Array<number | null>> {
    return this.send({ kind: 'count', queries, collections }) as Promise<Array<number | null>>;
  }

  related(id: ItemId, limit: number): Promise<RelatedHit[]> {
    return this.send({ kind: 'related', id, limit }) as Promise<RelatedHit[]>;
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The search worker was stopped'));
    if (worker) await worker.terminate();
  }

  private send(body: Body<SearchWorkerRequest>): Promise<unknown> {
    return this.post(this.started(), body);
  }

  private post(worker: Worker, body: Body<SearchWorkerRequest>): Promise<unknown> {
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...body, seq } as SearchWorkerRequest);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.path);
    worker.unref();
    worker.on('message', (reply: SearchWorkerReply) => {
      const job = this.pending.get(reply.seq);
      if (!job) return;
      this.pending.delete(reply.seq);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new Error(reply.message));
    });
    const crashed = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(error);
      this.lostListener();
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`The search worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
