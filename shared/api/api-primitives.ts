import { z } from 'zod';
import type { AttachmentId, CollectionId, ItemId } from '../model/ids.ts';

/** Ids, formats and scopes that several API groups take: declared once, here. */

export const MAX_ID = 200;
/** The largest text the API carries in one argument (an import, a saved file). */
export const MAX_TEXT = 200 * 1024 * 1024;

const idLike = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
export const itemIdSchema = z.custom<ItemId>(idLike, 'expected an item id');
export const collectionIdSchema = z.custom<CollectionId>(idLike, 'expected a collection id');
export const attachmentIdSchema = z.custom<AttachmentId>(idLike, 'expected an attachment id');
export const itemIdsSchema = z.array(itemIdSchema).max(1_000_000);
/** A job, batch or auto-export id. */
export const opaqueIdSchema = z.string().min(1).max(MAX_ID);

export type ExportFormat = 'bibtex' | 'biblatex' | 'csl-json' | 'ris';
export const exportFormatSchema = z.enum(['bibtex', 'biblatex', 'csl-json', 'ris']);

/** Which items an export, a bibliography or an auto-export covers. */
export type ExportScope =
  | { kind: 'library' }
  | { kind: 'collection'; collectionId: CollectionId; includeChildren: boolean }
  | { kind: 'items'; ids: ItemId[] }
  | { kind: 'keys'; keys: string[] }
  /** The items a saved search (docs/search.md) matches when the export runs. */
  | { kind: 'saved'; name: string };

export const exportScopeSchema: z.ZodType<ExportScope> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }),
  z.object({ kind: z.literal('collection'), collectionId: collectionIdSchema, includeChildren: z.boolean() }),
  z.object({ kind: z.literal('items'), ids: itemIdsSchema }),
  z.object({ kind: z.literal('keys'), keys: z.array(z.string().max(500)).max(1_000_000) }),
  z.object({ kind: z.literal('saved'), name: z.string().min(1).max(MAX_ID) }),
]);
