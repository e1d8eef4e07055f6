import type { ExportRequest, ExportResult } from '../../shared/api/io-types.ts';
import type { ExportScope } from '../../shared/api/api-primitives.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import type { Item } from '../../shared/model/item.ts';
import { exportBibtex } from '../../shared/formats/bibtex/index.ts';
import { exportCslJson } from '../../shared/formats/csl-json/index.ts';
import { exportRis } from '../../shared/formats/ris/index.ts';
import { collectionSubtree } from './collection-methods.ts';
import type { ServiceContext } from './service-context.ts';

/** A scope whose items are known without running a query. */
export type FixedScope = Exclude<ExportScope, { kind: 'saved' }>;

/**
 * The ids a saved search matches now. The search index is not part of ServiceContext (the CLI and tests build
 * services without one), so whoever composes the services passes this in; null: this host has no index.
 */
export type SavedSearchIds = (name: string) => Promise<ItemId[]>;

/** Runs a saved-search scope, giving its items in library order (so a synced .bib does not reorder with ranking). */
export async function fixScope(ctx: ServiceContext, scope: ExportScope, saved: SavedSearchIds | null): Promise<FixedScope> {
  if (scope.kind !== 'saved') return scope;
  if (!saved) throw new FolioError('UNSUPPORTED', `Saved search "${scope.name}" cannot be exported here: this host has no search index`);
  const matched = new Set<string>(await saved(scope.name));
  return { kind: 'items', ids: [...ctx.store.items()].filter((i) => matched.has(i.id)).map((i) => i.id) };
}

/** The live (not trashed) items a scope names, in library order, plus what could not be found. */
export function itemsForScope(ctx: ServiceContext, scope: FixedScope): { items: Item[]; missing: string[] } {
  const live = (item: Item | undefined): item is Item => item !== undefined && item.trashedAt === null;
  switch (scope.kind) {
    case 'library':
      return { items: [...ctx.store.items()].filter((i) => live(i)), missing: [] };
    case 'collection': {
      if (!ctx.store.collections().some((c) => c.id === scope.collectionId)) {
        throw new FolioError('NOT_FOUND', `No collection with id ${scope.collectionId}`);
      }
      const ids = scope.includeChildren ? collectionSubtree(ctx.store.collections(), scope.collectionId) : new Set([scope.collectionId]);
      return { items: [...ctx.store.items()].filter((i) => live(i) && i.collections.some((c) => ids.has(c))), missing: [] };
    }
    case 'items':
      return { items: scope.ids.map((id) => ctx.store.getItem(id)).filter(live), missing: [] };
    case 'keys': {
      const items: Item[] = [];
      const missing: string[] = [];
      for (const key of scope.keys) {
        const id = ctx.keys.find(key);
        const item = id ? ctx.store.getItem(id) : undefined;
        if (live(item)) items.push(item);
        else missing.push(key);
      }
      return { items, missing };
    }
  }
}

/** Serialises items in a format; the library is asked for crossref parents. */
export function formatItems(ctx: ServiceContext, items: Item[], format: ExportRequest['format']): { text: string; warnings: string[] } {
  switch (format) {
    case 'bibtex':
    case 'biblatex': {
      const resolveKey = (key: string): Item | undefined => {
        const id = ctx.keys.find(key);
        const item = id ? ctx.store.getItem(id) : undefined;
        return item && item.trashedAt === null ? item : undefined;
      };
      return exportBibtex(items, { dialect: format, resolveKey });
    }
    case 'csl-json':
      return { text: exportCslJson(items.map((i) => ({ ...i.csl, id: i.citationKey, 'citation-key': i.citationKey }))), warnings: [] };
    case 'ris':
      return { text: exportRis(items.map((i) => ({ ...i.csl, id: i.citationKey }))), warnings: [] };
  }
}

export function exportItems(ctx: ServiceContext, request: ExportRequest & { scope: FixedScope }): ExportResult {
  const { items, missing } = itemsForScope(ctx, request.scope);
  const { text, warnings } = formatItems(ctx, items, request.format);
  const notFound = missing.map((key) => `The library has no item with the key "${key}"`);
  return { text, count: items.length, warnings: [...notFound, ...warnings] };
}

export function citeCommand(ctx: ServiceContext, ids: Item['id'][], command: string | null): string {
  const cmd = (command ?? ctx.store.settings().citeCommand).replace(/^\\/, '');
  if (!/^[A-Za-z]+\*?$/.test(cmd)) throw new FolioError('INVALID_ARGUMENT', `"${cmd}" is not a LaTeX command name`);
  const keys = ctx.requireItems(ids).map((i) => i.citationKey);
  return `\\${cmd}{${keys.join(',')}}`;
}
