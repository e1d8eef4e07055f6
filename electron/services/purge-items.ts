import type { Item } from '../../shared/model/item.ts';
import { removeAttachmentFile } from './attachments/attachment-files.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * Deletes items for good: the library entry first (durably), then the files
 * Folio copied for them. A file another item still uses (a merge unites
 * attachments without moving them) is kept.
 */
export async function purgeItems(ctx: ServiceContext, items: readonly Item[]): Promise<number> {
  if (items.length === 0) return 0;
  const gone = new Set(items.map((i) => i.id));
  for (const item of items) ctx.keys.remove(item);
  await ctx.commit([{ op: 'deleteItems', ids: [...gone] }], { items: [...gone] });
  const stillUsed = new Set<string>();
  for (const item of ctx.store.items()) for (const a of item.attachments) stillUsed.add(a.path);
  for (const item of items) {
    for (const attachment of item.attachments) {
      if (stillUsed.has(attachment.path)) continue;
      // The entry is already gone; a file that cannot be removed is only wasted space, so say so and go on.
      await removeAttachmentFile(ctx.store.folder, attachment.path).catch((error: unknown) => {
        ctx.hub.emit('onStatus', { kind: 'write-error', message: `Could not remove ${attachment.path}: ${(error as Error).message}` });
      });
    }
  }
  return items.length;
}
