import type { FolioApi } from '../../shared/api/folio-api.ts';
import type { ItemPatch, LibraryInfo } from '../../shared/api/library-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import type { Item } from '../../shared/model/item.ts';
import { toItemRow } from '../../shared/model/item-row.ts';
import { basename } from 'node:path';
import { applyCslPatch } from '../../shared/library/csl-patch.ts';
import { createItem } from '../../shared/library/item-factory.ts';
import { recordValueProblem } from '../../shared/library/record-limits.ts';
import { purgeItems } from './purge-items.ts';
import type { ServiceContext } from './service-context.ts';

/** The door for records typed or pasted in: refused with the field named, before anything is changed. */
function requireStorable(what: string, value: unknown): void {
  const problem = recordValueProblem(value);
  if (problem) throw new FolioError('INVALID_ARGUMENT', `${what} cannot be saved: ${problem}.`);
}

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
}

export function createLibraryMethods(ctx: ServiceContext, host: LibraryInfo['host']): FolioApi['library'] {
  const { store } = ctx;

  const edit = (item: Item, changes: Partial<Item>): Item => ({ ...item, ...changes, modifiedAt: ctx.now() });

  return {
    async info() {
      return {
        path: store.folder,
        name: basename(store.folder),
        itemCount: store.itemCount(),
        schemaVersion: store.schemaVersion,
        warnings: [...store.warnings],
        lastWriteError: store.lastWriteError(),
        salvage: store.salvage,
        host,
      };
    },

    async listRows() {
      const rows = [];
      for (const item of store.items()) rows.push(toItemRow(item));
      return rows;
    },

    async rowsByIds(ids) {
      const rows = [];
      for (const id of ids) {
        const item = store.getItem(id);
        if (item) rows.push(toItemRow(item));
      }
      return rows;
    },

    async getItem(id) {
      return ctx.requireItem(id);
    },

    async createItem(draft) {
      requireStorable('The new item', draft);
      const { csl } = applyCslPatch({ type: 'article-journal' }, draft.csl as Record<string, unknown>);
      const collections = draft.collections ?? [];
      for (const c of collections) {
        if (!store.collections().some((x) => x.id === c)) throw new FolioError('NOT_FOUND', `No collection with id ${c}`);
      }
      const pattern = store.settings().keyPattern;
      const citationKey = draft.citationKey?.trim() ? ctx.keys.claim(draft.citationKey.trim()) : ctx.keys.generate(csl, pattern);
      const item = createItem({ csl, citationKey, now: ctx.now(), tags: normaliseTags(draft.tags ?? []), collections });
      ctx.keys.add(item);
      await ctx.putItems([item]);
      return item;
    },

    async updateItem(id: ItemId, patch: ItemPatch) {
      const item = ctx.requireItem(id);
      requireStorable(`The change to ${item.citationKey}`, patch);
      const changes: Partial<Item> = {};
      if (patch.csl) {
        const { csl, changed } = applyCslPatch(item.csl, patch.csl);
        if (changed.length > 0) {
          changes.csl = csl;
          // Also tracked while metadata is pending, so the lookup that completes the item leaves these edits alone.
          if (item.source || item.metadataPending) changes.editedFields = [...new Set([...(item.editedFields ?? []), ...changed])];
        }
      }
      if (patch.tags) changes.tags = normaliseTags(patch.tags);
      if (patch.read) changes.read = patch.read;
      if (patch.rating !== undefined) changes.rating = patch.rating;
      if (patch.flagged !== undefined) changes.flagged = patch.flagged;
      if (Object.keys(changes).length === 0) return item;
      const next = edit(item, changes);
      await ctx.putItems([next]);
      return next;
    },

    async trash(ids) {
      const now = ctx.now();
      const items = ctx.requireItems(ids).filter((i) => i.trashedAt === null);
      await ctx.putItems(items.map((i) => ({ ...i, trashedAt: now, modifiedAt: now })));
    },

    async restore(ids) {
      const now = ctx.now();
      const items = ctx.requireItems(ids).filter((i) => i.trashedAt !== null);
      await ctx.putItems(items.map((i) => ({ ...i, trashedAt: null, modifiedAt: now })));
    },

    async emptyTrash() {
      return purgeItems(ctx, [...store.items()].filter((i) => i.trashedAt !== null));
    },

    async purge(ids) {
      return purgeItems(ctx, ctx.requireItems(ids).filter((i) => i.trashedAt !== null));
    },

    async addTags(ids, tags) {
      const add = normaliseTags(tags);
      const items = ctx.requireItems(ids).filter((i) => add.some((t) => !i.tags.includes(t)));
      await ctx.putItems(items.map((i) => edit(i, { tags: normaliseTags([...i.tags, ...add]) })));
    },

    async removeTags(ids, tags) {
      const drop = new Set(tags);
      const items = ctx.requireItems(ids).filter((i) => i.tags.some((t) => drop.has(t)));
      await ctx.putItems(items.map((i) => edit(i, { tags: i.tags.filter((t) => !drop.has(t)) })));
    },

    async allTags() {
      const tags = new Set<string>();
      for (const item of store.items()) if (item.trashedAt === null) for (const t of item.tags) tags.add(t);
      return [...tags].sort((a, b) => a.localeCompare(b));
    },
  };
}
