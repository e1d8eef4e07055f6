import { z } from 'zod';
import { attachmentIdSchema, itemIdSchema } from './api-primitives.ts';

/** Argument schemas of the PDF side of the `annotations` group (export into a PDF copy, import from a file). */
export const PDF_ANNOTATION_ARG_SCHEMAS = {
  'annotations.exportPdf': z.tuple([itemIdSchema, attachmentIdSchema]),
  'annotations.importFromPdf': z.tuple([itemIdSchema, attachmentIdSchema]),
} as const;
