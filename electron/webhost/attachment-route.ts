import type { ServerResponse } from 'node:http';
import { FolioError } from '../../shared/api/api-error.ts';
import { asItemId } from '../../shared/model/ids.ts';
import type { FolioService } from '../services/folio-service.ts';
import { openAttachmentFile } from '../services/attachments/attachment-files.ts';
import type { OpenedLibraryFile } from '../services/safe-library-file.ts';
import { parseByteRange } from '../services/attachments/byte-range.ts';

/** `/attachments/<item-id>/<file>`: the browser's stand-in for "open with the system viewer". */
export const ATTACHMENTS_PATH = '/attachments/';

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(message);
}

/**
 * Serves a stored attachment of a library item. The path must be one the item lists, and only a regular
 * file whose real path is inside `<library>/attachments/` is opened (see safe-library-file.ts); the body is
 * streamed and never longer than the size the file had when opened. The token was checked by the caller.
 */
export async function serveAttachment(service: FolioService, pathname: string, res: ServerResponse, rangeHeader?: string): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(ATTACHMENTS_PATH.length));
  } catch {
    return refuse(res, 400, 'Bad path');
  }
  const itemId = asItemId(rel.split('/')[0] ?? '');
  await service.ready;
  const item = service.store.getItem(itemId);
  const attachment = item?.attachments.find((a) => a.path === rel);
  if (!item || !attachment) return refuse(res, 404, 'Not found');
  let file: OpenedLibraryFile;
  try {
    file = await openAttachmentFile(service.store.folder, attachment.path);
  } catch (error) {
    if (error instanceof FolioError) return refuse(res, error.code === 'NOT_FOUND' ? 404 : 403, error.message);
    return refuse(res, 500, `Could not read the attachment: ${(error as Error).message}`);
  }
  const name = attachment.path.split('/').pop() ?? 'attachment.pdf';
  // pdf.js reads a large PDF by ranges, so the first page shows before the whole file has arrived.
  const range = parseByteRange(rangeHeader, file.size);
  const common = {
    'content-type': attachment.mediaType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream',
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (range === 'unsatisfiable') {
    await file.handle.close();
    res.writeHead(416, { ...common, 'content-range': `bytes */${file.size}`, 'content-length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...common,
    'content-length': end - start + 1,
    ...(range ? { 'content-range': `bytes ${start}-${end}/${file.size}` } : {}),
  });
  if (file.size === 0) {
    await file.handle.close();
    res.end();
    return;
  }
  const stream = file.handle.createReadStream({ start, end, autoClose: true });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
