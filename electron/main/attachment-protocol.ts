import { Readable } from 'node:stream';
import { FolioError } from '../../shared/api/api-error.ts';
import { asItemId } from '../../shared/model/ids.ts';
import { openAttachmentFile } from '../services/attachments/attachment-files.ts';
import { parseByteRange } from '../services/attachments/byte-range.ts';
import type { FolioService } from '../services/folio-service.ts';
import type { OpenedLibraryFile } from '../services/safe-library-file.ts';

/** `folio://app/attachments/<item-id>/<file>`: the same path as the web host's route, so the window asks both alike. */
export const ATTACHMENT_PREFIX = '/attachments/';

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });

/**
 * An attachment's bytes for the reader's pdf.js: only a path the item lists, opened by the checked reader
 * (a regular file whose real path is inside `<library>/attachments/`), never Electron's own file fetch; one
 * byte range when asked. The protocol is ours, reachable only from our window: no token is needed here.
 */
export async function attachmentResponse(service: FolioService | null, pathname: string, rangeHeader: string | null): Promise<Response> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(ATTACHMENT_PREFIX.length));
  } catch {
    return plain(400, 'Bad path');
  }
  if (!service) return plain(503, 'The library is not open');
  await service.ready;
  const item = service.store.getItem(asItemId(rel.split('/')[0] ?? ''));
  const attachment = item?.attachments.find((a) => a.path === rel);
  if (!item || !attachment) return plain(404, 'Not found');
  let file: OpenedLibraryFile;
  try {
    file = await openAttachmentFile(service.store.folder, attachment.path);
  } catch (error) {
    if (error instanceof FolioError) return plain(error.code === 'NOT_FOUND' ? 404 : 403, error.message);
    return plain(500, `Could not read the attachment: ${(error as Error).message}`);
  }
  const headers: Record<string, string> = {
    'Content-Type': attachment.mediaType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseByteRange(rangeHeader, file.size);
  if (range === 'unsatisfiable' || file.size === 0) {
    await file.handle.close();
    return new Response(null, range === 'unsatisfiable'
      ? { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` } }
      : { status: 200, headers: { ...headers, 'Content-Length': '0' } });
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  const body = Readable.toWeb(file.handle.createReadStream({ start, end, autoClose: true })) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: range ? 206 : 200,
    headers: { ...headers, 'Content-Length': String(end - start + 1), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}) },
  });
}
