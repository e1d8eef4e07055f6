import type { Item } from '../../../shared/model/item.ts';
import { searchDocOf, type SearchDoc } from '../../../shared/search/index/search-doc.ts';
import { attachmentsRoot } from '../attachments/attachment-files.ts';
import type { FulltextCache } from '../fulltext/fulltext-cache.ts';
import type { FulltextWorker } from '../fulltext/fulltext-worker-client.ts';
import { readInsideRoot } from '../safe-library-file.ts';
import { fingerprintOf } from './doc-fingerprint.ts';
import { pdfsOf } from './index-docs.ts';

/** A PDF bigger than this is not read for its text. */
const MAX_TEXT_PDF_BYTES = 200 * 1024 * 1024;

export interface FulltextSource {
  cache: FulltextCache;
  /** Absent: only what is already cached is used (one-shot commands that should not read every PDF). */
  worker?: FulltextWorker;
}

/**
 * Items' whole documents, PDF text included, read from the full-text cache when asked (the host keeps none of it in
 * memory), and the text of PDFs not yet cached, read by pdf.js.
 */
export class SearchDocSource {
  readonly fulltext: FulltextSource | null;
  private readonly libraryDir: string;
  /** PDFs (by sha256) whose text is in the index (or that were found unreadable). */
  readonly textIn = new Set<string>();
  /** Text read whose cache file could not be written (a full or read-only disk): kept here for this run instead. */
  private readonly unsaved = new Map<string, string[]>();

  constructor(libraryDir: string, fulltext: FulltextSource | null) {
    this.libraryDir = libraryDir;
    this.fulltext = fulltext;
  }

  /** The item's document with the cached text of its PDFs, and the fingerprint of what it holds. */
  async docOf(item: Item): Promise<{ doc: SearchDoc; fingerprint: string }> {
    const pages: string[] = [];
    const shas: string[] = [];
    for (const pdf of pdfsOf(item)) {
      const cached = this.unsaved.get(pdf.sha256) ?? (this.fulltext ? (await this.fulltext.cache.get(pdf.sha256))?.pages : undefined);
      if (!cached) continue;
      pages.push(...cached);
      shas.push(pdf.sha256);
      this.textIn.add(pdf.sha256);
    }
    const doc = searchDocOf(item, pages);
    return { doc, fingerprint: fingerprintOf(doc, shas) };
  }

  /** How many of the items' PDFs have their text in the index. */
  countIn(items: Iterable<Item>): number {
    let n = 0;
    for (const item of items) for (const pdf of pdfsOf(item)) if (this.textIn.has(pdf.sha256)) n++;
    return n;
  }

  /** Reads one PDF's text into the cache (or records it as unreadable, so it is not read at every start). */
  async extract(worker: FulltextWorker, relPath: string, sha256: string, size: number): Promise<void> {
    const cache = (this.fulltext as FulltextSource).cache;
    let pages: string[] = [];
    let error: string | undefined;
    try {
      if (size > MAX_TEXT_PDF_BYTES) throw new Error('too large to read its text');
      // The same checked reader the hosts serve attachments with: no links out of the library, regular files only.
      const bytes = await readInsideRoot(attachmentsRoot(this.libraryDir), relPath, MAX_TEXT_PDF_BYTES);
      pages = await worker.extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    // A cache that cannot be written (a full or read-only disk) costs a re-read next time, never the search.
    await cache.put(sha256, pages, error).catch(() => this.unsaved.set(sha256, pages));
  }
}
