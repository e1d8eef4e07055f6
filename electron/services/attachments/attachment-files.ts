import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MAX_PDF_BYTES } from '../../../shared/api/attachments-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import type { Attachment, Item } from '../../../shared/model/item.ts';
import { ATTACHMENTS_DIR, writeFileAtomic } from '../library-store/index.ts';
import { checkedPathInsideRoot, makeDirInsideRoot, openInsideRoot, pathInsideRoot, removeInsideRoot, type OpenedLibraryFile } from '../safe-library-file.ts';

/** How a stored PDF is named; `{key}` is the item's citation key. */
export const DEFAULT_ATTACHMENT_PATTERN = '{key}.pdf';
const MAX_STEM = 120;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file name that is one harmless path segment on every OS: no separators, no `..`,
 * no control or reserved characters, no leading dot, at most 120 characters before `.pdf`.
 */
export function safeFileName(name: string, extension = '.pdf'): string {
  const stem = name
    .replace(/\.pdf$/i, '')
    .normalize('NFC')
    .replace(/\p{Cc}+/gu, '-')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, MAX_STEM);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem);
  return `${stem === '' || reserved ? `attachment${stem ? `-${stem}` : ''}` : stem}${extension}`;
}

export function attachmentFileName(pattern: string, key: string): string {
  return safeFileName(pattern.replaceAll('{key}', key));
}

/** The absolute path of a stored attachment by name, refused unless it lies inside `<library>/attachments/`. */
export function resolveInsideAttachments(libraryFolder: string, relPath: string): string {
  return pathInsideRoot(attachmentsRoot(libraryFolder), relPath);
}

/** Opens a stored attachment for reading: a regular file inside `attachments/`, never larger than Folio stores. */
export function openAttachmentFile(libraryFolder: string, relPath: string): Promise<OpenedLibraryFile> {
  return openInsideRoot(attachmentsRoot(libraryFolder), relPath, MAX_PDF_BYTES);
}

/** The real path of a stored attachment, checked to be a regular file inside `attachments/` (for a system viewer). */
export function checkedAttachmentPath(libraryFolder: string, relPath: string): Promise<string> {
  return checkedPathInsideRoot(attachmentsRoot(libraryFolder), relPath);
}

export function findAttachment(item: Item, attachmentId: AttachmentId): Attachment {
  const found = item.attachments.find((a) => a.id === attachmentId);
  if (!found) throw new FolioError('NOT_FOUND', `Item ${item.citationKey} has no attachment ${attachmentId}`);
  return found;
}

/** Writes the bytes atomically to `<library>/attachments/<item-id>/<name>`; returns the path relative to attachments/. */
export async function storeAttachmentFile(libraryFolder: string, itemId: ItemId, name: string, bytes: Uint8Array): Promise<string> {
  const folder = safeFileName(itemId, '');
  const relPath = `${folder}/${name}`;
  resolveInsideAttachments(libraryFolder, relPath);
  const dir = await makeDirInsideRoot(attachmentsRoot(libraryFolder), folder);
  await writeFileAtomic(join(dir, name), bytes);
  return relPath;
}

/**
 * Removes a stored file (and its folder when that is left empty), following no link: a linked folder or
 * anything but a regular file is refused and left alone.
 */
export async function removeAttachmentFile(libraryFolder: string, relPath: string): Promise<void> {
  await removeInsideRoot(attachmentsRoot(libraryFolder), relPath);
}

export function attachmentsRoot(libraryFolder: string): string {
  return join(libraryFolder, ATTACHMENTS_DIR);
}
