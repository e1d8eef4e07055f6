import { z } from 'zod';
import type { ViewQuery } from './view-types.ts';
import { itemIdsSchema } from './api-primitives.ts';

/** Argument schemas of the `view` group. */

const SORT_COLUMNS = ['title', 'authors', 'year', 'venue', 'key', 'addedAt'] as const;

const viewSort = z.union([
  z.object({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) }),
  z.object({ column: z.literal('relevance'), direction: z.literal('desc') }),
]);

const viewQuery: z.ZodType<ViewQuery> = z.object({
  view: z.string().max(1_000),
  sort: viewSort,
  filter: z.string().max(10_000),
});
const offset = z.number().int().min(0).max(100_000_000);
/** A window paints tens of rows; a few thousand is the most a page ever needs. */
const rowLimit = z.number().int().min(0).max(5_000);
const idLimit = z.number().int().min(0).max(10_000_000);

export const VIEW_ARG_SCHEMAS = {
  'view.query': z.tuple([viewQuery, offset, rowLimit]),
  'view.ids': z.tuple([viewQuery, offset, idLimit]),
  'view.locate': z.tuple([viewQuery, itemIdsSchema.max(10_000)]),
  'view.counts': z.tuple([]),
} as const;
