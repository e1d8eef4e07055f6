import { z } from 'zod';
import type { AttachmentId, ItemId } from '../model/ids.ts';
import type { MergePair, MergeRequest } from './api-types-papers.ts';

const MAX_ID = 200;
/** A PDF of 200 MB is 267 MB as base64. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;
const MAX_PDF_BASE64 = Math.ceil(MAX_PDF_BYTES / 3) * 4;

const itemId = z.custom<ItemId>((v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID, 'expected an item id');
const attachmentId = z.custom<AttachmentId>((v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID, 'expected an attachment id');
const fileName = z.string().min(1).max(1000);

const mergeRequest: z.ZodType<MergeRequest> = z.object({
  keepId: itemId,
  otherId: itemId,
  fields: z.record(z.string().max(100), z.enum(['keep', 'other'])),
});
const mergePair: z.ZodType<MergePair> = z.object({ keepId: itemId, otherId: itemId });

/** Argument schemas of the `attachments`, `lookup` and `duplicates` groups, plus io.cancelImport and shell.openAttachment. */
export const PAPER_ARG_SCHEMAS = {
  'attachments.importPdf': z.tuple([fileName, z.string().max(MAX_PDF_BASE64), itemId.nullable()]),
  'lookup.addByIdentifiers': z.tuple([z.string().max(1_000_000)]),
  'lookup.retryPending': z.tuple([]),
  'duplicates.find': z.tuple([]),
  'duplicates.merge': z.tuple([mergeRequest]),
  'duplicates.markNotDuplicate': z.tuple([itemId, itemId]),
  'duplicates.mergeMany': z.tuple([z.array(mergePair).max(100_000)]),
  'io.cancelImport': z.tuple([z.string().min(1).max(MAX_ID)]),
  'shell.openAttachment': z.tuple([itemId, attachmentId]),
} as const;
