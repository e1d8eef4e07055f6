// Worker thread: PDF text extraction off the main process's event loop.
import { parentPort } from 'node:worker_threads';
import { extractPageTexts } from './pdf-page-text.ts';

export type FulltextRequest = { id: number; bytes: Uint8Array };
export type FulltextReply = { id: number; ok: true; pages: string[] } | { id: number; ok: false; message: string };

parentPort?.on('message', (request: FulltextRequest) => {
  extractPageTexts(request.bytes).then(
    (pages) => parentPort?.postMessage({ id: request.id, ok: true, pages } satisfies FulltextReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies FulltextReply),
  );
});
