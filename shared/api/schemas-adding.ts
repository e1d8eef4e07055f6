import { z } from 'zod';
import type { MergePair, MergeRequest } from './duplicates-types.ts';
import { MAX_PDF_BYTES } from './attachments-types.ts';
import { itemIdSchema, opaqueIdSchema } from './api-primitives.ts';
import type { IdentifierQuery } from './connector-types.ts';

/** Argument schemas of the `attachments`, `lookup` and `duplicates` groups: bringing papers in and keeping them single. */

const MAX_PDF_BASE64 = Math.ceil(MAX_PDF_BYTES / 3) * 4;
const fileName = z.string().min(1).max(1000);

const mergeRequest: z.ZodType<MergeRequest> = z.object({
  keepId: itemIdSchema,
  otherId: itemIdSchema,
  fields: z.record(z.string().max(100), z.enum(['keep', 'other'])),
});
const identifierQuery: z.ZodType<IdentifierQuery> = z.object({ doi: z.string().max(500).nullable().optional(), arxivId: z.string().max(100).nullable().optional() });
const mergePair: z.ZodType<MergePair> = z.object({ keepId: itemIdSchema, otherId: itemIdSchema });

export const ATTACHMENT_ARG_SCHEMAS = {
  'attachments.importPdf': z.tuple([fileName, z.string().max(MAX_PDF_BASE64), itemIdSchema.nullable()]),
} as const;

export const LOOKUP_ARG_SCHEMAS = {
  'lookup.addByIdentifiers': z.tuple([z.string().max(1_000_000)]),
  'lookup.retryPending': z.tuple([]),
  'lookup.findInLibrary': z.tuple([identifierQuery]),
} as const;

export const CONNECTOR_ARG_SCHEMAS = {
  'connector.pendingPairing': z.tuple([]),
  'connector.answerPairing': z.tuple([opaqueIdSchema, z.boolean()]),
} as const;


export const DUPLICATE_ARG_SCHEMAS = {
  'duplicates.find': z.tuple([]),
  'duplicates.merge': z.tuple([mergeRequest]),
  'duplicates.markNotDuplicate': z.tuple([itemIdSchema, itemIdSchema]),
  'duplicates.mergeMany': z.tuple([z.array(mergePair).max(100_000)]),
} as const;
