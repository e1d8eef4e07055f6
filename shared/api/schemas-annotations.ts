import { z } from 'zod';
import type { AnnotationDraft, AnnotationPatch } from './annotations-types.ts';
import { MAX_ANNOTATION_TEXT, MAX_ANNOTATIONS_PER_ITEM } from './annotations-types.ts';
import { ANNOTATION_COLORS, type PdfQuad, type PdfRect } from '../model/annotation.ts';
import { attachmentIdSchema, itemIdSchema, MAX_ID } from './api-primitives.ts';

/** Argument schemas of the `annotations` group. */

// PDF user space: generous bounds (a 200-inch page is 14,400 pt), finite numbers only.
const coordinate = z.number().finite().min(-1e6).max(1e6);
const quad = z.tuple([coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate]) satisfies z.ZodType<PdfQuad>;
const rect = z.tuple([coordinate, coordinate, coordinate, coordinate]) satisfies z.ZodType<PdfRect>;
const color = z.enum(ANNOTATION_COLORS);
const longText = z.string().max(MAX_ANNOTATION_TEXT);
const tags = z.array(z.string().min(1).max(500)).max(1_000);
const annotationId = z.string().min(1).max(MAX_ID);
const annotationIds = z.array(annotationId).min(1).max(MAX_ANNOTATIONS_PER_ITEM);

const draft: z.ZodType<AnnotationDraft> = z.object({
  attachmentId: attachmentIdSchema,
  type: z.enum(['highlight', 'underline', 'note', 'area']),
  color,
  pageIndex: z.number().int().min(0).max(1_000_000),
  pageLabel: z.string().max(100),
  quads: z.array(quad).max(10_000),
  rect,
  text: longText,
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
  textOffset: z.number().int().min(-1),
  comment: longText.optional(),
  tags: tags.optional(),
});

const patch: z.ZodType<AnnotationPatch> = z.object({
  color: color.optional(),
  comment: longText.optional(),
  tags: tags.optional(),
  quads: z.array(quad).max(10_000).optional(),
  rect: rect.optional(),
});

export const ANNOTATION_ARG_SCHEMAS = {
  'annotations.list': z.tuple([itemIdSchema]),
  'annotations.create': z.tuple([itemIdSchema, draft]),
  'annotations.update': z.tuple([itemIdSchema, annotationId, patch]),
  'annotations.remove': z.tuple([itemIdSchema, annotationIds]),
  'annotations.addToNote': z.tuple([itemIdSchema, annotationIds.nullable()]),
  'annotations.exportMarkdown': z.tuple([itemIdSchema, annotationIds.nullable()]),
} as const;
