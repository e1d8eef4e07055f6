// Worker thread: reading and writing PDFs (page text, annotation objects) off the main process's event loop.
import { parentPort } from 'node:worker_threads';
import type { Annotation } from '../../../shared/model/annotation.ts';
import { extractPageTexts } from './pdf-page-text.ts';
import { readPageLayouts, type PdfPageLayouts } from './pdf-page-layout.ts';
import { readPdfAnnotations, type PdfAnnotationScan } from '../pdf-annotations/pdf-annotation-reader.ts';
import { UnwritablePdfError, writeAnnotatedPdf, type AnnotatedPdf } from '../pdf-annotations/pdf-annotation-writer.ts';

export type FulltextRequest =
  | { id: number; bytes: Uint8Array; task: 'text' | 'annotations' }
  | { id: number; bytes: Uint8Array; task: 'export'; annotations: Annotation[]; author: string }
  | { id: number; bytes: Uint8Array; task: 'layout'; pageIndices: number[] };
export type FulltextReply =
  | { id: number; ok: true; pages: string[] }
  | { id: number; ok: true; scan: PdfAnnotationScan }
  | { id: number; ok: true; exported: AnnotatedPdf }
  | { id: number; ok: true; layouts: PdfPageLayouts }
  | { id: number; ok: false; message: string; unwritable?: boolean };

const fail = (id: number, error: unknown): FulltextReply => ({
  id, ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof UnwritablePdfError ? { unwritable: true } : {}),
});

async function run(request: FulltextRequest): Promise<FulltextReply> {
  switch (request.task) {
    case 'annotations':
      return { id: request.id, ok: true, scan: await readPdfAnnotations(request.bytes) };
    case 'export': {
      const scan = await readPdfAnnotations(request.bytes);
      return { id: request.id, ok: true, exported: await writeAnnotatedPdf(request.bytes, request.annotations, scan, request.author) };
    }
    case 'layout':
      return { id: request.id, ok: true, layouts: await readPageLayouts(request.bytes, request.pageIndices) };
    default:
      return { id: request.id, ok: true, pages: await extractPageTexts(request.bytes) };
  }
}

parentPort?.on('message', (request: FulltextRequest) => {
  run(request).then(
    (reply) => parentPort?.postMessage(reply, 'exported' in reply ? [reply.exported.bytes.buffer as ArrayBuffer] : []),
    (error: unknown) => parentPort?.postMessage(fail(request.id, error)),
  );
});
