import { performance } from 'node:perf_hooks';
import type { IndexingProgress } from '../../../shared/api/search-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { RelatedHit } from '../../../shared/search/index/related.ts';
import { searchDocOf, type SearchDoc } from '../../../shared/search/index/search-doc.ts';
import type { RowMatch } from '../../../shared/search/query/row-match.ts';
import type { RankOutcome, SearchOutcome } from '../../../shared/search/query/search-run.ts';
import { attachmentsRoot } from '../attachments/attachment-files.ts';
import { readInsideRoot } from '../safe-library-file.ts';
import type { FulltextCache } from '../fulltext/fulltext-cache.ts';
import type { FulltextWorker } from '../fulltext/fulltext-worker-client.ts';
import type { ServiceContext } from '../service-context.ts';
import type { SearchEngine } from './search-engine.ts';

/** Documents go to the engine in batches of about this many characters, so no one structured clone blocks the host. */
const BATCH_CHARS = 256 * 1024;
/** The longest the first build makes documents before it lets the host's event loop run. */
const YIELD_EVERY_MS = 8;
/** A PDF bigger than this is not read for its text. */
const MAX_TEXT_PDF_BYTES = 200 * 1024 * 1024;

export interface FulltextSource {
  cache: FulltextCache;
  /** Absent: only what is already cached is used (one-shot commands that should not read every PDF). */
  worker?: FulltextWorker;
}

const pdfsOf = (item: Item) => item.attachments.filter((a) => a.mediaType === 'application/pdf');

/**
 * Keeps the search engine in step with the library: everything at first use, then each changed item as change
 * events arrive; full text comes from the cache, and missing texts are extracted in the background (resumable:
 * what is cached is done).
 */
export class SearchIndexer {
  private readonly ctx: ServiceContext;
  private readonly engine: SearchEngine;
  private readonly fulltext: FulltextSource | null;
  private loaded: Promise<void> | null = null;
  private built = false;
  private gen = 0;
  private readonly pages = new Map<string, string[]>();
  private pdfsDone = 0;
  private pdfsTotal = 0;
  private extracting: Promise<void> | null = null;
  private disposed = false;
  private readonly unsubscribe: () => void;
  private queue: Promise<void> = Promise.resolve();

  constructor(ctx: ServiceContext, engine: SearchEngine, fulltext: FulltextSource | null) {
    this.ctx = ctx;
    this.engine = engine;
    this.fulltext = fulltext;
    engine.onLost(() => {
      this.loaded = null;
      this.built = false;
    });
    this.unsubscribe = ctx.hub.subscribe((message) => {
      if (message.event !== 'onLibraryChanged' || !this.loaded) return;
      const ids = message.payload.itemIds;
      this.enqueue(() => (ids === 'all' ? this.reindexAll() : this.reindex(ids)));
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

  /** Resolves once every item is in the index (full text as far as it is cached). */
  ready(): Promise<void> {
    if (this.loaded) return this.loaded;
    const loading = this.reindexAll().then(() => {
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
    await this.ready();
    await this.queue;
    return this.engine.search({ query, collections: this.ctx.store.collections(), ...(limit === undefined ? {} : { limit }), ...(within ? { within } : {}) });
  }

  /** Every id the query matches among `within` (absent: the library), best first. */
  async rank(query: string, within: ItemId[] | undefined): Promise<RankOutcome> {
    await this.ready();
    await this.queue;
    return this.engine.rank({ query, collections: this.ctx.store.collections(), ...(within ? { within } : {}) });
  }

  async matches(query: string, ids: ItemId[]): Promise<Array<RowMatch | null>> {
    await this.ready();
    await this.queue;
    return this.engine.matches(query, ids);
  }

  async count(queries: string[]): Promise<Array<number | null>> {
    await this.ready();
    await this.queue;
    return this.engine.count(queries, this.ctx.store.collections());
  }

  async related(id: ItemId, limit: number): Promise<RelatedHit[]> {
    await this.ready();
    await this.queue;
    return this.engine.related(id, limit);
  }

  /** Reads the text of PDFs not yet cached, one at a time, reporting progress. */
  extractMissing(): Promise<void> {
    this.extracting ??= this.runExtraction().finally(() => {
      this.extracting = null;
    });
    return this.extracting;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.unsubscribe();
    await this.extracting?.catch(() => undefined);
    await this.engine.dispose();
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((error: unknown) => console.error('folio: search indexing failed', error));
  }

  private async docOf(item: Item): Promise<SearchDoc> {
    const pages: string[] = [];
    for (const pdf of pdfsOf(item)) {
      let cached = this.pages.get(pdf.sha256);
      if (!cached && this.fulltext) {
        cached = (await this.fulltext.cache.get(pdf.sha256))?.pages;
        if (cached) this.pages.set(pdf.sha256, cached);
      }
      if (cached) pages.push(...cached);
    }
    return searchDocOf(item, pages);
  }

  private async reindexAll(): Promise<void> {
    const items = [...this.ctx.store.items()];
    this.pdfsTotal = items.reduce((n, i) => n + pdfsOf(i).length, 0);
    let batch: SearchDoc[] = [];
    let chars = 0;
    // One batch in the worker while the next is made here.
    let inFlight: Promise<void> = Promise.resolve();
    let slice = performance.now();
    for (const item of items) {
      // Awaiting a cached page list or a worker that already answered is only a microtask: without a real turn of the
      // event loop now and then, making 50k documents held the host (and every window's answer) for seconds.
      if (performance.now() - slice > YIELD_EVERY_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
      const doc = await this.docOf(item);
      batch.push(doc);
      chars += doc.title.length + doc.abstract.length + doc.note.length + doc.pages.reduce((n, p) => n + p.length, 0) + 200;
      if (chars >= BATCH_CHARS) {
        await inFlight;
        inFlight = this.engine.put(batch);
        batch = [];
        chars = 0;
      }
    }
    await inFlight;
    if (batch.length > 0) await this.engine.put(batch);
    this.pdfsDone = items.reduce((n, i) => n + pdfsOf(i).filter((p) => this.pages.has(p.sha256)).length, 0);
  }

  private async reindex(ids: readonly ItemId[]): Promise<void> {
    const gone: ItemId[] = [];
    const docs: SearchDoc[] = [];
    for (const id of ids) {
      const item = this.ctx.store.getItem(id);
      if (item) docs.push(await this.docOf(item));
      else gone.push(id);
    }
    if (gone.length > 0) await this.engine.remove(gone);
    if (docs.length > 0) await this.engine.put(docs);
    this.gen++;
    if (docs.some((d) => d.hasPdf)) void this.extractMissing();
  }

  private async runExtraction(): Promise<void> {
    const source = this.fulltext;
    if (!source?.worker) return;
    await this.ready();
    const items = [...this.ctx.store.items()];
    this.pdfsTotal = items.reduce((n, i) => n + pdfsOf(i).length, 0);
    for (const item of items) {
      for (const pdf of pdfsOf(item)) {
        if (this.disposed) return;
        if (this.pages.has(pdf.sha256)) continue;
        const cached = await source.cache.get(pdf.sha256);
        if (!cached) await this.extractOne(source, pdf.path, pdf.sha256, pdf.size);
        else this.pages.set(pdf.sha256, cached.pages);
        this.pdfsDone++;
        const done = this.pdfsDone;
        // Said once the text is in the index, so a window that asks again on this event finds it.
        this.enqueue(async () => {
          if (this.ctx.store.getItem(item.id)) await this.reindex([item.id]);
          const total = this.pdfsTotal;
          // The last word stays in the status line: it says the work is done, not that it still runs.
          const message = done >= total ? `PDF text read: ${total.toLocaleString('en')} PDF${total === 1 ? '' : 's'}` : `Reading PDF text: ${done} of ${total}`;
          this.ctx.hub.emit('onStatus', { kind: 'fulltext-progress', message, progress: total > 0 ? done / total : 1 });
        });
      }
    }
  }

  private async extractOne(source: FulltextSource, relPath: string, sha256: string, size: number): Promise<void> {
    let pages: string[] = [];
    let error: string | undefined;
    try {
      if (size > MAX_TEXT_PDF_BYTES) throw new Error('too large to read its text');
      // The same checked reader the hosts serve attachments with: no links out of the library, regular files only.
      const bytes = await readInsideRoot(attachmentsRoot(this.ctx.store.folder), relPath, MAX_TEXT_PDF_BYTES);
      pages = await (source.worker as FulltextWorker).extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    // An unreadable PDF is cached as such, so it is not read again at every start; deleting fulltext/ retries it.
    this.pages.set(sha256, pages);
    // A cache that cannot be written (a full or read-only disk) costs a re-read next time, never the search.
    await source.cache.put(sha256, pages, error).catch(() => undefined);
  }
}
