import { z } from 'zod';
import { MAX_PDF_BYTES } from '../../../shared/api/attachments-types.ts';
import { MAX_PAGE_CHARS, type AttachRequest, type LookupRequest, type PairStartRequest, type PairStatusRequest, type SaveRequest } from '../../../shared/api/connector-protocol.ts';

/** The shapes the connector accepts; anything else is refused before it reaches the services. */

const key = z.string().min(8).max(200);
const pdf = z.object({ fileName: z.string().min(1).max(1000), dataBase64: z.string().max(Math.ceil(MAX_PDF_BYTES / 3) * 4) });

export const pairStartSchema: z.ZodType<PairStartRequest> = z.object({ browser: z.string().max(100) });
export const pairStatusSchema: z.ZodType<PairStatusRequest> = z.object({ pairingId: z.string().min(1).max(200) });
export const lookupSchema: z.ZodType<LookupRequest> = z.object({ doi: z.string().max(500).nullable(), arxivId: z.string().max(100).nullable() });
export const saveSchema: z.ZodType<SaveRequest> = z.object({
  idempotencyKey: key,
  kind: z.enum(['page', 'pdf']).optional(),
  pageUrl: z.string().min(1).max(8192).refine((u) => /^https?:\/\//i.test(u), 'pageUrl must be an http(s) address'),
  html: z.string().max(MAX_PAGE_CHARS),
  collectionId: z.string().min(1).max(200).nullable(),
  tags: z.array(z.string().trim().min(1).max(200)).max(100),
  pdf: pdf.nullable(),
}).refine((r) => r.kind !== 'pdf' || r.pdf !== null, { message: 'a PDF save carries the PDF', path: ['pdf'] });
export const attachSchema: z.ZodType<AttachRequest> = z.object({ idempotencyKey: key, itemId: z.string().min(1).max(200), pdf });
