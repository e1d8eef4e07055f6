import type { FolioApi } from '../../shared/api/folio-api.ts';
import type { ImportReport, ImportRequest } from '../../shared/api/io-types.ts';
import type { PdfImportResult } from '../../shared/api/attachments-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { checkedAttachmentPath, findAttachment } from './attachments/attachment-files.ts';
import { importPdfBytes, type PdfImportOptions } from './attachments/pdf-import.ts';
import { createDuplicateMethods } from './duplicates/duplicate-methods.ts';
import { ImportJobs } from './import-jobs.ts';
import { importText } from './import-service.ts';
import { createLookupMethods } from './lookup/lookup-methods.ts';
import { findInLibrary } from './lookup/find-in-library.ts';
import { MetadataFetcher, type LookupOptions } from './lookup/metadata-fetcher.ts';
import type { ServiceContext } from './service-context.ts';
import type { AttachmentId } from '../../shared/model/ids.ts';
import type { PdfAnnotationWorker } from './pdf-annotations/pdf-annotation-methods.ts';

/** Bringing papers in: PDFs, lookups by identifier, duplicates, and cancellable imports. */
export interface IntakeServices {
  readonly groups: Pick<FolioApi, 'attachments' | 'lookup' | 'duplicates'>;
  importText(request: ImportRequest): Promise<ImportReport>;
  cancelImport(jobId: string): boolean;
  /** For the CLI: a PDF already read from disk. */
  importPdf(fileName: string, bytes: Uint8Array, itemId: ItemId | null, options?: PdfImportOptions): Promise<PdfImportResult>;
  /** The real path of an attachment, checked to be a regular file inside the library (for a system viewer). */
  attachmentPath(itemId: ItemId, attachmentId: AttachmentId): Promise<string>;
}

export function createIntakeServices(ctx: ServiceContext, lookup: LookupOptions = {}, pdfWorker?: PdfAnnotationWorker): IntakeServices {
  const jobs = new ImportJobs(ctx.hub);
  const fetcher = new MetadataFetcher(lookup);
  // Every PDF import (CLI, window, connector) reads the annotations already in the file, in the PDF worker.
  const importPdf = (fileName: string, bytes: Uint8Array, itemId: ItemId | null, options?: PdfImportOptions) =>
    importPdfBytes(ctx, fileName, bytes, itemId, { ...(pdfWorker ? { annotations: pdfWorker } : {}), ...options });

  return {
    groups: {
      attachments: {
        async importPdf(fileName, dataBase64, itemId) {
          const bytes = Buffer.from(dataBase64, 'base64');
          if (bytes.length === 0 && dataBase64.replace(/=+$/, '').length > 0) {
            throw new FolioError('INVALID_ARGUMENT', `${fileName}: the data is not base64`);
          }
          return importPdf(fileName, bytes, itemId);
        },
      },
      lookup: { ...createLookupMethods(ctx, fetcher), findInLibrary: async (query) => findInLibrary(ctx, query) },
      duplicates: createDuplicateMethods(ctx),
    },
    async importText(request) {
      const job = jobs.start(request.jobId);
      try {
        return await importText(ctx, request, { job });
      } finally {
        job.finish();
      }
    },
    cancelImport: (jobId) => jobs.cancel(jobId),
    importPdf,
    async attachmentPath(itemId, attachmentId) {
      const attachment = findAttachment(ctx.requireItem(itemId), attachmentId);
      return checkedAttachmentPath(ctx.store.folder, attachment.path);
    },
  };
}
