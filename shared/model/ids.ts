/** Branded ids: a plain string at run time, distinct types at compile time. */
export type ItemId = string & { readonly __brand: 'ItemId' };
export type CollectionId = string & { readonly __brand: 'CollectionId' };
export type AttachmentId = string & { readonly __brand: 'AttachmentId' };

export const asItemId = (value: string): ItemId => value as ItemId;
export const asCollectionId = (value: string): CollectionId => value as CollectionId;
export const asAttachmentId = (value: string): AttachmentId => value as AttachmentId;

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random, never-reused id. Time-prefixed so ids sort roughly by creation,
 * which keeps library.json diffs stable when items are appended.
 */
export function newId(prefix: string, now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 10; i++) tail += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  return `${prefix}_${now.toString(36)}${tail}`;
}
