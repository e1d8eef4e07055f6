import { Worker } from 'node:worker_threads';
import type { FulltextReply, FulltextRequest } from './fulltext-worker.ts';
import type { PdfAnnotationScan } from '../pdf-annotations/pdf-annotation-reader.ts';
import type { AnnotatedPdf } from '../pdf-annotations/pdf-annotation-writer.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { PdfPageLayouts } from './pdf-page-layout.ts';

/** The heap of the PDF worker thread, in MB. */
export const PDF_WORKER_HEAP_MB = 2048;

/** The worker could not rewrite the file (encrypted, unparseable): the message says why. */
export class PdfWriteRefused extends Error {}

// Kept in a variable so bundlers leave it alone: under Electron the composition root passes the bundled path.
const WORKER_FILE = './fulltext-worker.ts';

export function defaultFulltextWorkerPath(): URL {
  return new URL(WORKER_FILE, import.meta.url);
}

/** One worker thread that reads PDFs (page text, annotation objects); started on first use, replaced if it dies, never keeping a process alive. */
export class FulltextWorker {
  private readonly path: string | URL;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(reply: FulltextReply & { ok: true }): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(path: string | URL = defaultFulltextWorkerPath()) {
    this.path = path;
  }

  /** The text of every page (up to the page cap). The bytes are moved to the worker: pass a copy you can lose. */
  async extract(bytes: Uint8Array): Promise<string[]> {
    const reply = await this.send({ id: 0, bytes, task: 'text' });
    return 'pages' in reply ? reply.pages : [];
  }

  /** The file's markup annotations, with the label and text of the pages that have some. The bytes are moved too. */
  async readAnnotations(bytes: Uint8Array): Promise<PdfAnnotationScan> {
    const reply = await this.send({ id: 0, bytes, task: 'annotations' });
    if (!('scan' in reply)) throw new Error('The PDF worker answered without annotations');
    return reply.scan;
  }

  /** The text runs, with glyph positions, of some 0-based pages, and every page's label. The bytes are moved too. */
  async readLayouts(bytes: Uint8Array, pageIndices: number[]): Promise<PdfPageLayouts> {
    const reply = await this.send({ id: 0, bytes, task: 'layout', pageIndices });
    if (!('layouts' in reply)) throw new Error('The PDF worker answered without page layouts');
    return reply.layouts;
  }

  /** A copy of the PDF with the annotations written in (see pdf-annotation-writer.ts). The bytes are moved too. */
  async exportAnnotated(bytes: Uint8Array, annotations: Annotation[], author: string): Promise<AnnotatedPdf> {
    const reply = await this.send({ id: 0, bytes, task: 'export', annotations, author });
    if (!('exported' in reply)) throw new Error('The PDF worker answered without a PDF');
    return reply.exported;
  }

  private send(request: FulltextRequest): Promise<FulltextReply & { ok: true }> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      // A Buffer from Node's pool (a small file read with readFile/allocUnsafe) shares its ArrayBuffer and cannot be
      // transferred: such bytes are copied once instead, which is also what keeps the pool's other users intact.
      const { bytes } = request;
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      try {
        worker.postMessage({ ...request, bytes: own, id } satisfies FulltextRequest, [own.buffer as ArrayBuffer]);
      } catch {
        worker.postMessage({ ...request, bytes: own, id } satisfies FulltextRequest);
      }
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The text extraction worker was stopped'));
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // A hostile PDF that makes pdf.js or pdf-lib build without end kills this thread (its jobs fail with a
    // message), never the host: the worker's heap is bounded.
    const worker = new Worker(this.path, { resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_HEAP_MB } });
    worker.unref();
    worker.on('message', (reply: FulltextReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) job.resolve(reply);
      else job.reject(reply.unwritable ? new PdfWriteRefused(reply.message) : new Error(reply.message));
    });
    const crashed = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(error);
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`The text extraction worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
