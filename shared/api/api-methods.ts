import type { z } from 'zod';
import type { FolioApi } from './folio-api.ts';
import { COLLECTION_ARG_SCHEMAS, KEY_ARG_SCHEMAS, LIBRARY_ARG_SCHEMAS, NOTE_ARG_SCHEMAS } from './schemas-library.ts';
import { IO_ARG_SCHEMAS } from './schemas-io.ts';
import { VIEW_ARG_SCHEMAS } from './schemas-view.ts';
import { SHELL_ARG_SCHEMAS, UI_ARG_SCHEMAS } from './schemas-ui-shell.ts';
import { BIBLIOGRAPHY_ARG_SCHEMAS, SETTINGS_ARG_SCHEMAS } from './schemas-bibliography.ts';
import { SEARCH_ARG_SCHEMAS } from './schemas-search.ts';
import { ANNOTATION_ARG_SCHEMAS } from './schemas-annotations.ts';
import { PDF_ANNOTATION_ARG_SCHEMAS } from './schemas-pdf-annotations.ts';
import { HISTORY_ARG_SCHEMAS, SYNC_ARG_SCHEMAS } from './schemas-sync.ts';
import { ATTACHMENT_ARG_SCHEMAS, CONNECTOR_ARG_SCHEMAS, DUPLICATE_ARG_SCHEMAS, LOOKUP_ARG_SCHEMAS } from './schemas-adding.ts';

type Group = keyof FolioApi;
/** 'library.getItem', 'collections.create', ... derived from the interface, never typed by hand. */
export type ApiMethodName = { [G in Group]: `${G}.${Extract<keyof FolioApi[G], string>}` }[Group];

type MethodOf<M extends ApiMethodName> = M extends `${infer G extends Group}.${infer K}`
  ? K extends keyof FolioApi[G] ? FolioApi[G][K] : never
  : never;
export type ApiArgs<M extends ApiMethodName> = MethodOf<M> extends (...args: infer A) => unknown ? A : never;
export type ApiReturn<M extends ApiMethodName> = MethodOf<M> extends (...args: never[]) => Promise<infer R> ? R : never;

type ArgSchemas = { [M in ApiMethodName]: z.ZodType<ApiArgs<M>> };

/** Every method with the schema of its argument tuple. The only list of channels. */
export const API_ARG_SCHEMAS: ArgSchemas = {
  ...LIBRARY_ARG_SCHEMAS,
  ...VIEW_ARG_SCHEMAS,
  ...COLLECTION_ARG_SCHEMAS,
  ...NOTE_ARG_SCHEMAS,
  ...ANNOTATION_ARG_SCHEMAS,
  ...PDF_ANNOTATION_ARG_SCHEMAS,
  ...IO_ARG_SCHEMAS,
  ...KEY_ARG_SCHEMAS,
  ...UI_ARG_SCHEMAS,
  ...SHELL_ARG_SCHEMAS,
  ...BIBLIOGRAPHY_ARG_SCHEMAS,
  ...SETTINGS_ARG_SCHEMAS,
  ...ATTACHMENT_ARG_SCHEMAS,
  ...LOOKUP_ARG_SCHEMAS,
  ...DUPLICATE_ARG_SCHEMAS,
  ...SEARCH_ARG_SCHEMAS,
  ...CONNECTOR_ARG_SCHEMAS,
  ...SYNC_ARG_SCHEMAS,
  ...HISTORY_ARG_SCHEMAS,
};

export const API_METHOD_NAMES = Object.keys(API_ARG_SCHEMAS) as ApiMethodName[];

export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && Object.hasOwn(API_ARG_SCHEMAS, name);
}
