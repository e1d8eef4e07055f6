import { z } from 'zod';
import type { BibliographyRequest, CitedExportRequest } from './bibliography-types.ts';
import type { SettingsPatch } from './settings-types.ts';
import { exportFormatSchema, exportScopeSchema, MAX_TEXT } from './api-primitives.ts';

/** Argument schemas of the `bibliography` and `settings` groups. */

const bibliographyRequest: z.ZodType<BibliographyRequest> = z.object({
  scope: exportScopeSchema,
  style: z.string().min(1).max(200),
  output: z.enum(['text', 'html']),
});

const citedExportRequest: z.ZodType<CitedExportRequest> = z.object({
  text: z.string().max(MAX_TEXT),
  fileName: z.string().max(10_000),
  format: exportFormatSchema,
});

const settingsPatch: z.ZodType<SettingsPatch> = z.object({
  keyPattern: z.string().max(1000).optional(),
  citeCommand: z.string().max(100).optional(),
});

export const BIBLIOGRAPHY_ARG_SCHEMAS = {
  'bibliography.listStyles': z.tuple([]),
  'bibliography.format': z.tuple([bibliographyRequest]),
  'bibliography.exportCited': z.tuple([citedExportRequest]),
} as const;

export const SETTINGS_ARG_SCHEMAS = {
  'settings.get': z.tuple([]),
  'settings.update': z.tuple([settingsPatch]),
} as const;
