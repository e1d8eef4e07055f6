import { shell } from 'electron';
import { FolioError } from '../../shared/api/api-error.ts';
import type { AttachmentId, ItemId } from '../../shared/model/ids.ts';
import type { FolioService } from '../services/folio-service.ts';

/**
 * Opens a stored attachment with the system viewer. The services resolve the real path and refuse a link out of
 * the library, a FIFO or a device, so the viewer is handed only a regular file inside `attachments/`.
 */
export async function openAttachment(service: FolioService | null, itemId: ItemId, attachmentId: AttachmentId): Promise<void> {
  if (!service) throw new FolioError('UNSUPPORTED', 'The library is not open yet');
  const path = await service.papers.attachmentPath(itemId, attachmentId);
  const failure = await shell.openPath(path);
  if (failure) throw new FolioError('IO', `Could not open ${path}: ${failure}`);
}
