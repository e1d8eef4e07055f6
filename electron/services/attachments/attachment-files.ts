import { createHash } from 'node:crypto';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import type { Attachment, Item } from '../../../shared/model/item.ts';
import { ATTACHMENTS_DIR, writeFileAtomic } from '../library-store/index.ts';

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

/** The absolute path of a stored attachment, refused unless it lies inside `<library>/attachments/`. */
export function resolveInsideAttachments(libraryFolder: string, relPath: string): string {
  const root = resolve(libraryFolder, ATTACHMENTS_DIR);
  const full = resolve(root, relPath);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new FolioError('FORBIDDEN', `The attachment path "${relPath}" leaves the library folder`);
  }
  return full;
}

export function findAttachment(item: Item, attachmentId: AttachmentId): Attachment {
  const found = item.attachments.find((a) => a.id === attachmentId);
  if (!found) throw new FolioError('NOT_FOUND', `Item ${item.citationKey} has no attachment ${attachmentId}`);
  return found;
}

/** Writes the bytes atomically to `<library>/attachments/<item-id>/<name>`; returns the path relative to attachments/. */
export async function storeAttachmentFile(libraryFolder: string, itemId: ItemId, name: string, bytes: Uint8Array): Promise<string> {
  const relPath = `${safeFileName(itemId, '')}/${name}`;
  const full = resolveInsideAttachments(libraryFolder, relPath);
  await mkdir(dirname(full), { recursive: true });
  await writeFileAtomic(full, bytes);
  return relPath;
}

/** Removes a stored file (and its folder when that is left empty): used when the item commit fails. */
export async function removeAttachmentFile(libraryFolder: string, relPath: string): Promise<void> {
  const full = resolveInsideAttachments(libraryFolder, relPath);
  await rm(full, { force: true });
  await rmdir(dirname(full)).catch(() => undefined);
}

export function attachmentsRoot(libraryFolder: string): string {
  return join(libraryFolder, ATTACHMENTS_DIR);
}
