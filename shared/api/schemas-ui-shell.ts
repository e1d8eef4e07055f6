import { z } from 'zod';
import { READER_PLACES_MAX, READER_TABS_MAX, type UiState } from './ui-types.ts';
import { attachmentIdSchema, itemIdSchema, MAX_ID, MAX_TEXT } from './api-primitives.ts';

/** Argument schemas of the `ui` and `shell` groups: the window's own state and the desktop around it. */

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
  cleanStart: z.boolean().optional(),
  readerPlaces: z
    .record(z.string().max(200), z.object({ page: z.number().int().min(1).max(1_000_000), scale: z.string().max(20), at: z.number().finite() }))
    .refine((r) => Object.keys(r).length <= READER_PLACES_MAX, `at most ${READER_PLACES_MAX} reader places`)
    .optional(),
  readerDarkPages: z.boolean().optional(),
  readerTabs: z.array(z.object({ itemId: z.string().max(MAX_ID), attachmentId: z.string().max(MAX_ID) })).max(READER_TABS_MAX).optional(),
  activeReaderTab: z.string().max(MAX_ID).nullable().optional(),
});

export const UI_ARG_SCHEMAS = {
  'ui.getState': z.tuple([]),
  'ui.setState': z.tuple([uiState]),
} as const;

export const SHELL_ARG_SCHEMAS = {
  'shell.saveTextFile': z.tuple([z.string().max(1000), z.string().max(MAX_TEXT)]),
  'shell.openExternal': z.tuple([z.string().max(10_000)]),
  'shell.chooseFolder': z.tuple([z.string().max(200)]),
  'shell.openAttachment': z.tuple([itemIdSchema, attachmentIdSchema]),
} as const;
