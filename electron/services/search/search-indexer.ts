import { performance } from 'node:perf_hooks';
import type { IndexingProgress } from '../../../shared/api/search-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { RelatedHit } from '../../../shared/search/index/related.ts';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';
import type { RowMatch } from '../../../shared/search/query/row-match.ts';
import type { RankOutcome, SearchOutcome } from '../../../shared/search/query/search-run.ts';
import type { ServiceContext } from '../service-context.ts';
import { fingerprintOf } from './doc-fingerprint.ts';
import { BATCH_CHARS, cachedTextShas, docChars, expectedDocs, pdfsOf, yielding, type MetadataDoc } from './index-docs.ts';
import { IndexSaver } from './index-saver.ts';
import { SearchDocSource, type FulltextSource } from './search-doc-source.ts';
import type { SearchEngine } from './search-engine.ts';

export type { FulltextSource } from './search-doc-source.ts';

/** Items whose cached PDF text is indexed per job of the text pass (about ten pages each). */
const TEXT_BATCH = 8;

export interface SearchIndexerOptions {
  /** Where the index is saved and loaded from (`<library>/index/search-index.bin`); null: memory only. */
  indexFile: string | null;
  /**
   * Whether ready() waits for the PDF text already cached to join the index (one-shot commands). Otherwise the
   * metadata index is ready first and the text follows, in the background.
   */
  textBeforeReady: boolean;
}

/** How the index came to be at the last start: loaded from disk or built, and how many documents were indexed. */
export interface IndexBuildReport {
  fromDisk: boolean;
  /** Documents put at start because the saved index lacked them or held an older version (all, when built). */
  indexed: number;
  /** Items whose cached PDF text was then added. */
  withText: number;
  ms: number;
}

/**
 * Keeps the search engine in step with the library. At start it loads the saved index and checks it against the
 * library (each item's fingerprint), indexing only what is missing or changed, metadata first; the PDF text already
 * cached follows, then the text of PDFs not yet read (resumable: what is cached is done). Change events keep it in
 * step after that, and the index is saved a little after it last changed.
 */
export class SearchIndexer {
  private readonly ctx: ServiceContext;
  private readonly engine: SearchEngine;
  private readonly source: SearchDocSource;
  private readonly saver: IndexSaver;
  private readonly options: SearchIndexerOptions;
  private loaded: Promise<void> | null = null;
  private built = false;
  private gen = 0;
  /** Items indexed without the cached text they have: the text pass adds it. */
  private textPending: ItemId[] = [];
  private textPass: Promise<void> | null = null;
  private pdfsDone = 0;
  private pdfsTotal = 0;
  private extracting: Promise<void> | null = null;
  private disposed = false;
  private readonly unsubscribe: () => void;
  private queue: Promise<void> = Promise.resolve();
  private report: IndexBuildReport | null = null;

  constructor(ctx: ServiceContext, engine: SearchEngine, fulltext: FulltextSource | null, options: SearchIndexerOptions = { indexFile: null, textBeforeReady: true }) {
    this.ctx = ctx;
    this.engine = engine;
    this.source = new SearchDocSource(ctx.store.folder, fulltext);
    this.saver = new IndexSaver(engine, options.indexFile);
    this.options = options;
    engine.onLost(() => {
      this.loaded = null;
      this.built = false;
    });
    this.unsubscribe = ctx.hub.subscribe((message) => {
      if (message.event !== 'onLibraryChanged' || !this.loaded) return;
      const ids = message.payload.itemIds;
      void this.enqueue(() => (ids === 'all' ? this.build(false) : this.reindex(ids)));
    });
  }

  progress(): IndexingProgress {
    return { pdfsDone: this.pdfsDone, pdfsTotal: this.pdfsTotal };
  }

  /** Bumps whenever the index changed: answers computed before are stale even when the library is not. */
  generation(): number {
    return this.gen;
  }

  /** True once the first build finished (and the engine has not been lost since). */
  isReady(): boolean {
    return this.built;
  }

  /** How the last start made the index (null before it is ready). */
  buildReport(): IndexBuildReport | null {
    return this.report;
  }

  /** Resolves once every item's metadata is in the index (and, with textBeforeReady, its cached PDF text). */
  ready(): Promise<void> {
    if (this.loaded) return this.loaded;
    const loading = this.enqueue(() => this.build(true)).then(() => {
      this.built = true;
      this.gen++;
      // Windows answered plain words with the quick filter meanwhile: they ask again, ranked.
      this.ctx.hub.emit('onStatus', { kind: 'search-ready', message: 'Search index ready' });
    });
    // A build that failed (a worker that died mid-way, a file that could not be read) is never the answer for
    // good: the next question builds again, instead of every later search failing with the first error.
    loading.catch(() => {
      if (this.loaded === loading) this.loaded = null;
    });
    this.loaded = loading;
    return loading;
  }

  async search(query: string, limit: number | undefined, within: ItemId[] | undefined): Promise<SearchOutcome> {
    await this.settled();
    return this.engine.search({ query, collections: this.ctx.store.collections(), ...(limit === undefined ? {} : { limit }), ...(within ? { within } : {}) });
  }

  /** Every id the query matches among `within` (absent: the library), best first. */
  async rank(query: string, within: ItemId[] | undefined): Promise<RankOutcome> {
    await this.settled();
    return this.engine.rank({ query, collections: this.ctx.store.collections(), ...(within ? { within } : {}) });
  }

  async matches(query: string, ids: ItemId[]): Promise<Array<RowMatch | null>> {
    await this.settled();
    return this.engine.matches(query, ids);
  }

  async count(queries: string[]): Promise<Array<number | null>> {
    await this.settled();
    return this.engine.count(queries, this.ctx.store.collections());
  }

  async related(id: ItemId, limit: number): Promise<RelatedHit[]> {
    await this.settled();
    return this.engine.related(id, limit);
  }

  /** Reads the text of PDFs not yet cached, one at a time, reporting progress. */
  extractMissing(): Promise<void> {
    this.extracting ??= this.runExtraction().finally(() => {
      this.extracting = null;
    });
    return this.extracting;
  }

  /** Writes the index now if it changed (a pending save is brought forward). */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.unsubscribe();
    await this.extracting?.catch(() => undefined);
    await this.queue;
    await this.saver.stop();
    await this.engine.dispose();
  }

  /** The build and the change events queued before now, done. */
  private async settled(): Promise<void> {
    await this.ready();
    await this.queue;
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.disposed ? undefined : job()));
    this.queue = run.catch((error: unknown) => console.error('folio: search indexing failed', error));
    return run;
  }

  /**
   * Makes the index match the library; `fromDisk` loads the saved index first. Only documents missing or changed are
   * put, without their PDF text (the metadata index is ready first); items with cached text are noted for the text
   * pass.
   */
  private async build(fromDisk: boolean): Promise<void> {
    const started = performance.now();
    const items = [...this.ctx.store.items()];
    this.pdfsTotal = items.reduce((n, i) => n + pdfsOf(i).length, 0);
    const file = this.options.indexFile;
    // The worker reads the saved index while this thread works out what it should hold.
    const loading = fromDisk && file !== null ? this.engine.load(file) : Promise.resolve(false);
    loading.catch(() => undefined);
    const cached = this.source.fulltext ? await cachedTextShas(this.ctx.store.folder) : new Set<string>();
    const { docs, expected } = await expectedDocs(items, cached);
    const loaded = await loading;
    const stale = new Set(await this.engine.reconcile(expected));
    this.source.textIn.clear();
    this.textPending = [];
    const toPut: MetadataDoc[] = [];
    for (const d of docs) {
      if (!stale.has(d.item.id)) for (const sha of d.textShas) this.source.textIn.add(sha);
      else {
        toPut.push(d);
        if (d.textShas.length > 0) this.textPending.push(d.item.id);
      }
    }
    await this.putMetadata(toPut);
    this.pdfsDone = this.source.countIn(items);
    if (toPut.length > 0) this.saver.changed();
    const withText = this.textPending.length;
    if (this.options.textBeforeReady) {
      const pending = this.textPending;
      this.textPending = [];
      for (let i = 0; i < pending.length; i += TEXT_BATCH) await this.addCachedText(pending.slice(i, i + TEXT_BATCH));
    } else if (withText > 0) this.indexCachedText();
    this.report = { fromDisk: loaded, indexed: toPut.length, withText, ms: Math.round(performance.now() - started) };
  }

  private async putMetadata(list: readonly MetadataDoc[]): Promise<void> {
    let batch: SearchDoc[] = [];
    let fingerprints: string[] = [];
    let chars = 0;
    // One batch in the worker while the next is made here.
    let inFlight: Promise<void> = Promise.resolve();
    await yielding(list, async ({ doc, textShas, fingerprint }) => {
      batch.push(doc);
      // Put without its text, and fingerprinted so: the text pass puts it again with it.
      fingerprints.push(textShas.length === 0 ? fingerprint : fingerprintOf(doc, []));
      chars += docChars(doc);
      if (chars >= BATCH_CHARS) {
        await inFlight;
        inFlight = this.engine.put(batch, fingerprints);
        batch = [];
        fingerprints = [];
        chars = 0;
      }
    });
    await inFlight;
    if (batch.length > 0) await this.engine.put(batch, fingerprints);
  }

  /**
   * Queues the cached PDF text of the items indexed without it, a few items per job: a search waits for one batch at
   * most, and a change event queued meanwhile is indexed after the batch that read the item before it.
   */
  private indexCachedText(): void {
    if (this.textPass) return;
    // One job at a time: the next is queued when this one is done, so the queue never holds the whole pass.
    const next = (): Promise<void> => {
      const ids = this.textPending.splice(0, TEXT_BATCH);
      if (ids.length === 0 || this.disposed) return Promise.resolve();
      return this.enqueue(() => this.addCachedText(ids)).then(next);
    };
    const pass = next().then(() => this.saver.changed());
    this.textPass = pass;
    void pass.catch(() => undefined).finally(() => {
      if (this.textPass === pass) this.textPass = null;
    });
  }

  private async addCachedText(ids: readonly ItemId[]): Promise<void> {
    const docs: SearchDoc[] = [];
    const fingerprints: string[] = [];
    for (const id of ids) {
      // As the library has it now: an edit since the build is not undone by an older copy.
      const item = this.ctx.store.getItem(id);
      if (!item) continue;
      const { doc, fingerprint } = await this.source.docOf(item);
      docs.push(doc);
      fingerprints.push(fingerprint);
    }
    if (docs.length === 0) return;
    await this.engine.put(docs, fingerprints);
    this.gen++;
    this.pdfsDone = this.source.countIn(this.ctx.store.items());
    const total = this.pdfsTotal;
    const message = this.pdfsDone >= total ? `PDF text read: ${total.toLocaleString('en')} PDF${total === 1 ? '' : 's'}` : `Indexing PDF text: ${this.pdfsDone} of ${total}`;
    this.ctx.hub.emit('onStatus', { kind: 'fulltext-progress', message, progress: total > 0 ? this.pdfsDone / total : 1 });
  }

  private async reindex(ids: readonly ItemId[]): Promise<void> {
    const gone: ItemId[] = [];
    const docs: SearchDoc[] = [];
    const fingerprints: string[] = [];
    for (const id of ids) {
      const item = this.ctx.store.getItem(id);
      if (!item) {
        gone.push(id);
        continue;
      }
      const { doc, fingerprint } = await this.source.docOf(item);
      docs.push(doc);
      fingerprints.push(fingerprint);
    }
    if (gone.length > 0) await this.engine.remove(gone);
    if (docs.length > 0) await this.engine.put(docs, fingerprints);
    this.gen++;
    this.saver.changed();
    if (docs.some((d) => d.hasPdf)) void this.extractMissing();
  }

  private async runExtraction(): Promise<void> {
    const worker = this.source.fulltext?.worker;
    const cache = this.source.fulltext?.cache;
    if (!worker || !cache) return;
    await this.ready();
    await this.textPass;
    const items = [...this.ctx.store.items()];
    this.pdfsTotal = items.reduce((n, i) => n + pdfsOf(i).length, 0);
    this.pdfsDone = this.source.countIn(items);
    for (const item of items) {
      for (const pdf of pdfsOf(item)) {
        if (this.disposed) return;
        if (this.source.textIn.has(pdf.sha256)) continue;
        if (!(await cache.get(pdf.sha256))) await this.source.extract(worker, pdf.path, pdf.sha256, pdf.size);
        this.pdfsDone++;
        const done = this.pdfsDone;
        // Said once the text is in the index, so a window that asks again on this event finds it.
        void this.enqueue(async () => {
          if (this.ctx.store.getItem(item.id)) await this.reindex([item.id]);
          const total = this.pdfsTotal;
          // The last word stays in the status line: it says the work is done, not that it still runs.
          const message = done >= total ? `PDF text read: ${total.toLocaleString('en')} PDF${total === 1 ? '' : 's'}` : `Reading PDF text: ${done} of ${total}`;
          this.ctx.hub.emit('onStatus', { kind: 'fulltext-progress', message, progress: total > 0 ? done / total : 1 });
        });
      }
    }
  }
}
