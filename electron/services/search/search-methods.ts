import { FolioError } from '../../../shared/api/api-error.ts';
import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { SavedSearchInfo, SearchAnswer } from '../../../shared/api/search-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import type { SavedSearch } from '../../../shared/model/library-doc.ts';
import { parseQuery } from '../../../shared/search/query/query-parser.ts';
import type { ServiceContext } from '../service-context.ts';
import type { SearchIndexer } from './search-indexer.ts';

export const MAX_SAVED_NAME = 200;

const savedOf = (ctx: ServiceContext): SavedSearch[] => ctx.store.settings().savedSearches ?? [];

function checkQuery(query: string): void {
  const parsed = parseQuery(query);
  if (!parsed.ok) {
    throw new FolioError('INVALID_ARGUMENT', `The query has an error at ${parsed.error.span.start + 1}: ${parsed.error.message}`, {
      field: 'query', start: parsed.error.span.start, end: parsed.error.span.end,
    });
  }
}

/** The `search` group: ranked queries, related items and saved searches. */
export function createSearchMethods(ctx: ServiceContext, indexer: SearchIndexer): FolioApi['search'] {
  const saveList = async (list: SavedSearch[], renamed?: { from: string; to: string }) => {
    const settings = ctx.store.settings();
    // An auto-export follows its saved search through a rename, as it follows a renamed collection (by id).
    const autoExports = renamed
      ? settings.autoExports.map((t) => (t.savedSearch === renamed.from ? { ...t, savedSearch: renamed.to } : t))
      : settings.autoExports;
    await ctx.commit([{ op: 'setSettings', settings: { ...settings, autoExports, savedSearches: list } }], {});
    ctx.hub.emit('onLibraryChanged', { itemIds: [], collectionsChanged: true });
  };

  return {
    async query(request): Promise<SearchAnswer> {
      const outcome = await indexer.search(request.query, request.limit, request.within as ItemId[] | undefined);
      if (!outcome.ok) return { ok: false, error: outcome.error };
      return { ok: true, total: outcome.total, hits: outcome.hits, highlightTerms: outcome.highlightTerms, indexing: indexer.progress() };
    },

    async related(id, limit) {
      ctx.requireItem(id);
      const hits = await indexer.related(id, limit);
      return hits.flatMap((h) => {
        const item = ctx.store.getItem(h.id);
        return item ? [{ row: toItemRow(item), score: h.score, why: h.why }] : [];
      });
    },

    async listSaved(): Promise<SavedSearchInfo[]> {
      const list = savedOf(ctx);
      const counts = await indexer.count(list.map((s) => s.query));
      return list.map((s, i) => ({ ...s, count: counts[i] ?? null }));
    },

    async save(name, query, previousName) {
      const clean = name.trim();
      if (clean.length === 0 || clean.length > MAX_SAVED_NAME) throw new FolioError('INVALID_ARGUMENT', 'A saved search needs a name of 1 to 200 characters', { field: 'name' });
      checkQuery(query);
      const list = savedOf(ctx);
      const replacing = previousName ?? clean;
      if (clean !== replacing && list.some((s) => s.name === clean)) {
        throw new FolioError('CONFLICT', `A saved search is already named "${clean}"`, { field: 'name' });
      }
      const at = list.findIndex((s) => s.name === replacing);
      const next = at < 0 ? [...list, { name: clean, query }] : list.map((s, i) => (i === at ? { name: clean, query } : s));
      await saveList(next, at >= 0 && clean !== replacing ? { from: replacing, to: clean } : undefined);
      return { name: clean, query };
    },

    async removeSaved(name) {
      const list = savedOf(ctx);
      if (!list.some((s) => s.name === name)) throw new FolioError('NOT_FOUND', `No saved search named "${name}"`);
      await saveList(list.filter((s) => s.name !== name));
    },
  };
}

/** Item ids a saved search matches now, for exports and `folio list --saved`. */
export async function savedSearchIds(ctx: ServiceContext, indexer: SearchIndexer, name: string): Promise<ItemId[]> {
  const saved = savedOf(ctx).find((s) => s.name === name);
  if (!saved) throw new FolioError('NOT_FOUND', `No saved search named "${name}"`);
  const outcome = await indexer.search(saved.query, undefined, undefined);
  if (!outcome.ok) throw new FolioError('INVALID_ARGUMENT', `Saved search "${name}": ${outcome.error.message}`);
  return outcome.hits.map((h) => h.id);
}
