import type { BibliographyJob } from './citeproc-formatter.ts';

/** Messages between the host and the bibliography worker (structured-cloned, plain data). */
export interface WorkerRequest {
  id: number;
  job: BibliographyJob;
}

export type WorkerReply =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'done'; text: string; count: number }
  | { id: number; kind: 'error'; message: string };
