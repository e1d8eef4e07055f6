import { shell } from 'electron';
import { FolioError } from '../../shared/api/api-error.ts';
import type { AttachmentId, ItemId } from '../../shared/model/ids.ts';
import type { FolioService } from '../services/folio-service.ts';

/** Opens a stored attachment with the system viewer; the path is resolved and checked by the services. */
export async function openAttachment(service: FolioService | null, itemId: ItemId, attachmentId: AttachmentId): Promise<void> {
  if (!service) throw new FolioError('UNSUPPORTED', 'The library is not open yet');
  const path = service.papers.attachmentPath(itemId, attachmentId);
  const failure = await shell.openPath(path);
  if (failure) throw new FolioError('IO', `Could not open ${path}: ${failure}`);
}
