import { Worker } from 'node:worker_threads';
import type { FulltextReply, FulltextRequest } from './fulltext-worker.ts';

// Kept in a variable so bundlers leave it alone: under Electron the composition root passes the bundled path.
const WORKER_FILE = './fulltext-worker.ts';

export function defaultFulltextWorkerPath(): URL {
  return new URL(WORKER_FILE, import.meta.url);
}

/** One worker thread that reads PDF text; started on first use, replaced if it dies, never keeping a process alive. */
export class FulltextWorker {
  private readonly path: string | URL;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(pages: string[]): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(path: string | URL = defaultFulltextWorkerPath()) {
    this.path = path;
  }

  extract(bytes: Uint8Array): Promise<string[]> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<string[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      const request: FulltextRequest = { id, bytes };
      worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
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
    const worker = new Worker(this.path);
    worker.unref();
    worker.on('message', (reply: FulltextReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) job.resolve(reply.pages);
      else job.reject(new Error(reply.message));
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
