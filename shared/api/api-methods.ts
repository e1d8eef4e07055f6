import { z } from 'zod';
import type { FolioApi } from './folio-api.ts';
import { PAPER_ARG_SCHEMAS } from './schemas-papers.ts';
import { BIBLIOGRAPHY_ARG_SCHEMAS } from './schemas-bibliography.ts';
import type { CollectionId, ItemId } from '../model/ids.ts';
import type { CslItemData } from '../model/csl.ts';
import type { ExportRequest, ImportRequest, ItemDraft, ItemPatch, UiState, AutoExportDraft } from './api-types.ts';

type Group = keyof FolioApi;
/** 'library.getItem', 'collections.create', ... derived from the interface, never typed by hand. */
export type ApiMethodName = { [G in Group]: `${G}.${Extract<keyof FolioApi[G], string>}` }[Group];

type MethodOf<M extends ApiMethodName> = M extends `${infer G extends Group}.${infer K}`
  ? K extends keyof FolioApi[G] ? FolioApi[G][K] : never
  : never;
export type ApiArgs<M extends ApiMethodName> = MethodOf<M> extends (...args: infer A) => unknown ? A : never;
export type ApiReturn<M extends ApiMethodName> = MethodOf<M> extends (...args: never[]) => Promise<infer R> ? R : never;

const MAX_ID = 200;
const MAX_TEXT = 200 * 1024 * 1024;

const itemId = z.custom<ItemId>((v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID, 'expected an item id');
const collectionId = z.custom<CollectionId>((v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID, 'expected a collection id');
const itemIds = z.array(itemId).max(1_000_000);
const shortText = z.string().max(10_000);
const tagList = z.array(z.string().min(1).max(500)).max(10_000);
const cslData = z.custom<CslItemData>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string',
  'expected CSL-JSON with a string "type"',
);

const itemDraft: z.ZodType<ItemDraft> = z.object({
  csl: cslData,
  tags: tagList.optional(),
  collections: z.array(collectionId).optional(),
  citationKey: z.string().max(500).optional(),
});

const itemPatch: z.ZodType<ItemPatch> = z.object({
  csl: z.record(z.string().max(100), z.unknown()).optional(),
  tags: tagList.optional(),
  read: z.enum(['unread', 'reading', 'read']).optional(),
  rating: z.number().int().min(0).max(5).optional(),
  flagged: z.boolean().optional(),
});

const importRequest: z.ZodType<ImportRequest> = z.object({
  text: z.string().max(MAX_TEXT),
  fileName: shortText,
  format: z.enum(['bibtex', 'ris', 'csl-json', 'listing']).optional(),
  collectionId: collectionId.nullable().optional(),
  dryRun: z.boolean().optional(),
  jobId: z.string().min(1).max(MAX_ID).optional(),
});

const exportRequest: z.ZodType<ExportRequest> = z.object({
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('library') }),
    z.object({ kind: z.literal('collection'), collectionId, includeChildren: z.boolean() }),
    z.object({ kind: z.literal('items'), ids: itemIds }),
    z.object({ kind: z.literal('keys'), keys: z.array(z.string().max(500)).max(1_000_000) }),
  ]),
  format: z.enum(['bibtex', 'biblatex', 'csl-json', 'ris']),
});

const autoExportDraft: z.ZodType<AutoExportDraft> = z.object({
  path: z.string().min(1).max(4096),
  format: z.enum(['bibtex', 'biblatex', 'csl-json', 'ris']),
  collectionId: z.string().max(MAX_ID).nullable(),
});

const uiState: z.ZodType<UiState> = z.object({
  view: z.string().max(1000),
  selectedItemIds: z.array(z.string().max(MAX_ID)).max(100_000),
  sort: z.object({
    column: z.enum(['title', 'authors', 'year', 'venue', 'key', 'addedAt']),
    direction: z.enum(['asc', 'desc']),
  }),
  expandedCollections: z.array(z.string().max(MAX_ID)).max(100_000),
  sidebarWidth: z.number().min(0).max(10_000),
  detailsWidth: z.number().min(0).max(10_000),
  noteMode: z.enum(['edit', 'preview']),
  theme: z.enum(['system', 'light', 'dark']),
  filter: z.string().max(10_000),
});

type ArgSchemas = { [M in ApiMethodName]: z.ZodType<ApiArgs<M>> };

/** Every method with the schema of its argument tuple. The only list of channels. */
export const API_ARG_SCHEMAS: ArgSchemas = {
  'library.info': z.tuple([]),
  'library.listRows': z.tuple([]),
  'library.rowsByIds': z.tuple([itemIds]),
  'library.getItem': z.tuple([itemId]),
  'library.createItem': z.tuple([itemDraft]),
  'library.updateItem': z.tuple([itemId, itemPatch]),
  'library.trash': z.tuple([itemIds]),
  'library.restore': z.tuple([itemIds]),
  'library.emptyTrash': z.tuple([]),
  'library.purge': z.tuple([itemIds]),
  'library.addTags': z.tuple([itemIds, tagList]),
  'library.removeTags': z.tuple([itemIds, tagList]),
  'library.allTags': z.tuple([]),
  'collections.list': z.tuple([]),
  'collections.create': z.tuple([z.string().min(1).max(500), collectionId.nullable()]),
  'collections.rename': z.tuple([collectionId, z.string().min(1).max(500)]),
  'collections.move': z.tuple([collectionId, collectionId.nullable()]),
  'collections.remove': z.tuple([collectionId]),
  'collections.addItems': z.tuple([collectionId, itemIds]),
  'collections.removeItems': z.tuple([collectionId, itemIds]),
  'notes.get': z.tuple([itemId]),
  'notes.save': z.tuple([itemId, z.string().max(50 * 1024 * 1024)]),
  'io.importText': z.tuple([importRequest]),
  'io.undoImport': z.tuple([z.string().min(1).max(MAX_ID)]),
  'io.export': z.tuple([exportRequest]),
  'io.citeCommand': z.tuple([itemIds, z.string().max(100).nullable()]),
  'io.listAutoExports': z.tuple([]),
  'io.addAutoExport': z.tuple([autoExportDraft]),
  'io.removeAutoExport': z.tuple([z.string().min(1).max(MAX_ID)]),
  'keys.previewRegenerate': z.tuple([itemIds]),
  'keys.regenerate': z.tuple([itemIds]),
  'keys.setKey': z.tuple([itemId, z.string().min(1).max(500)]),
  'keys.pin': z.tuple([itemIds, z.boolean()]),
  'ui.getState': z.tuple([]),
  'ui.setState': z.tuple([uiState]),
  'shell.saveTextFile': z.tuple([z.string().max(1000), z.string().max(MAX_TEXT)]),
  'shell.openExternal': z.tuple([z.string().max(10_000)]),
  ...PAPER_ARG_SCHEMAS,
  ...BIBLIOGRAPHY_ARG_SCHEMAS,
};

export const API_METHOD_NAMES = Object.keys(API_ARG_SCHEMAS) as ApiMethodName[];

export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && Object.hasOwn(API_ARG_SCHEMAS, name);
}
