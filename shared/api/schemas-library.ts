import { z } from 'zod';
import type { CslItemData } from '../model/csl.ts';
import type { ItemDraft, ItemPatch } from './library-types.ts';
import { collectionIdSchema, itemIdSchema, itemIdsSchema } from './api-primitives.ts';

/** Argument schemas of the `library`, `collections`, `notes` and `keys` groups. */

const tagList = z.array(z.string().min(1).max(500)).max(10_000);
const name = z.string().min(1).max(500);
const cslData = z.custom<CslItemData>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string',
  'expected CSL-JSON with a string "type"',
);

const itemDraft: z.ZodType<ItemDraft> = z.object({
  csl: cslData,
  tags: tagList.optional(),
  collections: z.array(collectionIdSchema).optional(),
  citationKey: z.string().max(500).optional(),
});

const itemPatch: z.ZodType<ItemPatch> = z.object({
  csl: z.record(z.string().max(100), z.unknown()).optional(),
  tags: tagList.optional(),
  read: z.enum(['unread', 'reading', 'read']).optional(),
  rating: z.number().int().min(0).max(5).optional(),
  flagged: z.boolean().optional(),
});

export const LIBRARY_ARG_SCHEMAS = {
  'library.info': z.tuple([]),
  'library.listRows': z.tuple([]),
  'library.rowsByIds': z.tuple([itemIdsSchema]),
  'library.getItem': z.tuple([itemIdSchema]),
  'library.createItem': z.tuple([itemDraft]),
  'library.updateItem': z.tuple([itemIdSchema, itemPatch]),
  'library.trash': z.tuple([itemIdsSchema]),
  'library.restore': z.tuple([itemIdsSchema]),
  'library.emptyTrash': z.tuple([]),
  'library.purge': z.tuple([itemIdsSchema]),
  'library.addTags': z.tuple([itemIdsSchema, tagList]),
  'library.removeTags': z.tuple([itemIdsSchema, tagList]),
  'library.allTags': z.tuple([]),
} as const;

export const COLLECTION_ARG_SCHEMAS = {
  'collections.list': z.tuple([]),
  'collections.create': z.tuple([name, collectionIdSchema.nullable()]),
  'collections.rename': z.tuple([collectionIdSchema, name]),
  'collections.move': z.tuple([collectionIdSchema, collectionIdSchema.nullable()]),
  'collections.remove': z.tuple([collectionIdSchema]),
  'collections.addItems': z.tuple([collectionIdSchema, itemIdsSchema]),
  'collections.removeItems': z.tuple([collectionIdSchema, itemIdsSchema]),
} as const;

export const NOTE_ARG_SCHEMAS = {
  'notes.get': z.tuple([itemIdSchema]),
  'notes.save': z.tuple([itemIdSchema, z.string().max(50 * 1024 * 1024)]),
} as const;

export const KEY_ARG_SCHEMAS = {
  'keys.previewRegenerate': z.tuple([itemIdsSchema]),
  'keys.regenerate': z.tuple([itemIdsSchema]),
  'keys.setKey': z.tuple([itemIdSchema, z.string().min(1).max(500)]),
  'keys.pin': z.tuple([itemIdsSchema, z.boolean()]),
} as const;
