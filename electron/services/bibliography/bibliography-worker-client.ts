import { Worker } from 'node:worker_threads';
import type { BibliographyJob, BibliographyOutput } from './citeproc-formatter.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

// Kept in a variable so bundlers leave it alone: under Electron the composition root passes the bundled path.
const WORKER_FILE = './bibliography-worker.ts';

/** Where the worker is when Node runs the sources directly (CLI, web host, tests). */
export function defaultWorkerPath(): URL {
  return new URL(WORKER_FILE, import.meta.url);
}

interface Pending {
  resolve(out: BibliographyOutput): void;
  reject(error: Error): void;
  onProgress(done: number, total: number): void;
}

/**
 * One long-lived worker thread for citeproc (its engines are cached per style,
 * so a second bibliography in the same style starts fast). Started on first
 * use; a crashed worker fails its jobs and is replaced on the next request.
 */
export class BibliographyWorker {
  private readonly path: string | URL;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(path: string | URL = defaultWorkerPath()) {
    this.path = path;
  }

  format(job: BibliographyJob, onProgress: (done: number, total: number) => void = () => undefined): Promise<BibliographyOutput> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<BibliographyOutput>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      if (this.pending.size === 1) worker.ref();
      const request: WorkerRequest = { id, job };
      worker.postMessage(request);
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The bibliography worker was stopped'));
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.path);
    // An idle worker must not keep the CLI or a test process alive.
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.receive(reply));
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`The bibliography worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private receive(reply: WorkerReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    if (reply.kind === 'progress') {
      job.onProgress(reply.done, reply.total);
      return;
    }
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.kind === 'done') job.resolve({ text: reply.text, count: reply.count });
    else job.reject(new Error(reply.message));
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(error);
  }
}
