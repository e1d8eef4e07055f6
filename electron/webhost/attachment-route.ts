import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { FolioError } from '../../shared/api/api-error.ts';
import { asItemId } from '../../shared/model/ids.ts';
import type { FolioService } from '../services/folio-service.ts';
import { resolveInsideAttachments } from '../services/attachments/attachment-files.ts';

/** `/attachments/<item-id>/<file>`: the browser's stand-in for "open with the system viewer". */
export const ATTACHMENTS_PATH = '/attachments/';

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(message);
}

/**
 * Serves a stored attachment of a library item. The path must be one the item lists, and it is
 * resolved and checked to stay inside `<library>/attachments/`; the token was checked by the caller.
 */
export async function serveAttachment(service: FolioService, pathname: string, res: ServerResponse): Promise<void> {
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
  let body: Buffer;
  try {
    body = await readFile(resolveInsideAttachments(service.store.folder, attachment.path));
  } catch (error) {
    if (error instanceof FolioError) return refuse(res, 403, error.message);
    return refuse(res, 404, 'The attachment file is missing');
  }
  const name = attachment.path.split('/').pop() ?? 'attachment.pdf';
  res.writeHead(200, {
    'content-type': attachment.mediaType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream',
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}
