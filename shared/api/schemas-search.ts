import { z } from 'zod';
import type { SearchRequestBody } from './search-types.ts';
import { itemIdSchema, itemIdsSchema } from './api-primitives.ts';

/** Argument schemas of the `search` group. */

const query = z.string().max(10_000);
const name = z.string().min(1).max(200);
const searchRequest: z.ZodType<SearchRequestBody> = z.object({
  query,
  limit: z.number().int().min(0).max(100_000).optional(),
  within: itemIdsSchema.optional(),
});

export const SEARCH_ARG_SCHEMAS = {
  'search.query': z.tuple([searchRequest]),
  'search.related': z.tuple([itemIdSchema, z.number().int().min(1).max(100)]),
  'search.listSaved': z.tuple([]),
  'search.save': z.tuple([name, query, name.nullable()]),
  'search.removeSaved': z.tuple([name]),
} as const;
