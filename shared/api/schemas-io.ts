import { z } from 'zod';
import type { AutoExportDraft, ExportRequest, ImportRequest } from './io-types.ts';
import {
  collectionIdSchema, exportFormatSchema, exportScopeSchema, itemIdsSchema, MAX_ID, MAX_TEXT, opaqueIdSchema,
} from './api-primitives.ts';

/** Argument schemas of the `io` group. */

const importRequest: z.ZodType<ImportRequest> = z.object({
  text: z.string().max(MAX_TEXT),
  fileName: z.string().max(10_000),
  format: z.enum(['bibtex', 'ris', 'csl-json', 'listing', 'html']).optional(),
  pageUrl: z.string().max(8192).optional(),
  collectionId: collectionIdSchema.nullable().optional(),
  dryRun: z.boolean().optional(),
  jobId: opaqueIdSchema.optional(),
});

const exportRequest: z.ZodType<ExportRequest> = z.object({ scope: exportScopeSchema, format: exportFormatSchema });

const autoExportDraft: z.ZodType<AutoExportDraft> = z.object({
  path: z.string().min(1).max(4096),
  format: exportFormatSchema,
  collectionId: z.string().max(MAX_ID).nullable(),
  savedSearch: z.string().min(1).max(MAX_ID).nullable().optional(),
  shared: z.boolean().optional(),
});

export const IO_ARG_SCHEMAS = {
  'io.importText': z.tuple([importRequest]),
  'io.undoImport': z.tuple([opaqueIdSchema]),
  'io.cancelImport': z.tuple([opaqueIdSchema]),
  'io.export': z.tuple([exportRequest]),
  'io.citeCommand': z.tuple([itemIdsSchema, z.string().max(100).nullable()]),
  'io.listAutoExports': z.tuple([]),
  'io.addAutoExport': z.tuple([autoExportDraft]),
  'io.setAutoExportShared': z.tuple([opaqueIdSchema, z.boolean()]),
  'io.removeAutoExport': z.tuple([opaqueIdSchema]),
} as const;
