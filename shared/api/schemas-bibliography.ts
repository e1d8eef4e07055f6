import { z } from 'zod';
import type { CollectionId, ItemId } from '../model/ids.ts';
import type { ExportScope } from './api-types.ts';
import type { BibliographyRequest, CitedExportRequest, SettingsPatch } from './bibliography-types.ts';

const MAX_TEXT = 200 * 1024 * 1024;
const MAX_ID = 200;
const format = z.enum(['bibtex', 'biblatex', 'csl-json', 'ris']);

const id = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const itemId = z.custom<ItemId>(id, 'expected an item id');
const collectionId = z.custom<CollectionId>(id, 'expected a collection id');

const scope: z.ZodType<ExportScope> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }),
  z.object({ kind: z.literal('collection'), collectionId, includeChildren: z.boolean() }),
  z.object({ kind: z.literal('items'), ids: z.array(itemId).max(1_000_000) }),
  z.object({ kind: z.literal('keys'), keys: z.array(z.string().max(500)).max(1_000_000) }),
]);

const bibliographyRequest: z.ZodType<BibliographyRequest> = z.object({
  scope,
  style: z.string().min(1).max(200),
  output: z.enum(['text', 'html']),
});

const citedExportRequest: z.ZodType<CitedExportRequest> = z.object({
  text: z.string().max(MAX_TEXT),
  fileName: z.string().max(10_000),
  format,
});

const settingsPatch: z.ZodType<SettingsPatch> = z.object({
  keyPattern: z.string().max(1000).optional(),
  citeCommand: z.string().max(100).optional(),
});

/** Argument schemas of the `bibliography` and `settings` groups, spread into API_ARG_SCHEMAS. */
export const BIBLIOGRAPHY_ARG_SCHEMAS = {
  'bibliography.listStyles': z.tuple([]),
  'bibliography.format': z.tuple([bibliographyRequest]),
  'bibliography.exportCited': z.tuple([citedExportRequest]),
  'settings.get': z.tuple([]),
  'settings.update': z.tuple([settingsPatch]),
} as const;
