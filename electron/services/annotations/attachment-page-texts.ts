import { MAX_PDF_BYTES } from '../../../shared/api/attachments-types.ts';
import type { Attachment } from '../../../shared/model/item.ts';
import { attachmentsRoot } from '../attachments/attachment-files.ts';
import type { FulltextCache } from '../fulltext/fulltext-cache.ts';
import type { FulltextWorker } from '../fulltext/fulltext-worker-client.ts';
import { readPageLayouts, type PdfPageLayouts } from '../fulltext/pdf-page-layout.ts';
import { extractPageTexts } from '../fulltext/pdf-page-text.ts';
import { readInsideRoot } from '../safe-library-file.ts';

export interface PageTextSource {
  cache: FulltextCache;
  /** Absent (the CLI): the text is read in this thread. */
  worker?: FulltextWorker;
}

/**
 * The page texts of one attachment: from `<library>/fulltext/<sha256>.json`, or read from the PDF (in the
 * full-text worker when there is one) and cached for the search index too. Throws when the PDF cannot be read.
 */
export async function attachmentPageTexts(source: PageTextSource, libraryFolder: string, attachment: Attachment): Promise<string[]> {
  const cached = await source.cache.get(attachment.sha256);
  if (cached && !cached.failed) return cached.pages;
  if (cached?.failed) throw new Error(`The text of ${attachment.fileName} could not be read earlier; delete fulltext/${attachment.sha256}.json to try again`);
  // The checked reader the hosts serve attachments with: no links out of the library, regular files only.
  const bytes = await readInsideRoot(attachmentsRoot(libraryFolder), attachment.path, MAX_PDF_BYTES);
  let pages: string[];
  try {
    pages = source.worker ? await source.worker.extract(new Uint8Array(bytes)) : await extractPageTexts(new Uint8Array(bytes));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await source.cache.put(attachment.sha256, [], message).catch(() => undefined);
    throw new Error(`The text of ${attachment.fileName} could not be read: ${message}`, { cause: error });
  }
  // A cache that cannot be written costs a re-read next time, never the result.
  await source.cache.put(attachment.sha256, pages).catch(() => undefined);
  return pages;
}

/**
 * The labels of every page of an attachment and the text runs, with glyph positions, of the pages asked for: read
 * from the PDF in the worker when there is one (never in the UI). Throws when the PDF cannot be read.
 */
export async function attachmentPageLayouts(source: PageTextSource, libraryFolder: string, attachment: Attachment, pageIndices: number[]): Promise<PdfPageLayouts> {
  const bytes = await readInsideRoot(attachmentsRoot(libraryFolder), attachment.path, MAX_PDF_BYTES);
  return source.worker ? source.worker.readLayouts(new Uint8Array(bytes), pageIndices) : readPageLayouts(new Uint8Array(bytes), pageIndices);
}
