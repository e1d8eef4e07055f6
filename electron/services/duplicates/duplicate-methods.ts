import { FolioError } from '../../../shared/api/api-error.ts';
import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { MergePair } from '../../../shared/api/duplicates-types.ts';
import { findDuplicates, mergeItems, type FieldChoice } from '../../../shared/dedupe/index.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import type { ServiceContext } from '../service-context.ts';

function samePair(pair: readonly [string, string], a: string, b: string): boolean {
  return (pair[0] === a && pair[1] === b) || (pair[0] === b && pair[1] === a);
}

export function createDuplicateMethods(ctx: ServiceContext): FolioApi['duplicates'] {
  const { store } = ctx;

  const liveItem = (id: ItemId): Item => {
    const item = ctx.requireItem(id);
    if (item.trashedAt !== null) throw new FolioError('CONFLICT', `${item.citationKey} is in the trash; restore it before merging`);
    return item;
  };

  const mergeOne = (keepId: ItemId, otherId: ItemId, fields: Readonly<Record<string, FieldChoice>>, now: string): Item[] => {
    if (keepId === otherId) throw new FolioError('INVALID_ARGUMENT', 'An item cannot be merged with itself');
    const { kept, trashed } = mergeItems(liveItem(keepId), liveItem(otherId), fields, now);
    return [kept, trashed];
  };

  return {
    async find() {
      const live = [...store.items()].filter((i) => i.trashedAt === null);
      const pairs = findDuplicates(live.map((i) => ({ id: i.id, csl: i.csl })), { notDuplicates: store.settings().notDuplicates });
      return pairs.flatMap((p) => {
        const a = store.getItem(p.a as ItemId);
        const b = store.getItem(p.b as ItemId);
        return a && b ? [{ a: toItemRow(a), b: toItemRow(b), reason: p.reason, confidence: p.confidence }] : [];
      });
    },

    async merge(request) {
      const [kept, trashed] = mergeOne(request.keepId, request.otherId, request.fields, ctx.now());
      await ctx.putItems([kept as Item, trashed as Item], true);
      return kept as Item;
    },

    async markNotDuplicate(a, b) {
      ctx.requireItem(a);
      ctx.requireItem(b);
      if (a === b) throw new FolioError('INVALID_ARGUMENT', 'An item is always a duplicate of itself');
      const settings = store.settings();
      if (settings.notDuplicates.some((p) => samePair(p, a, b))) return;
      const pair: [string, string] = a < b ? [a, b] : [b, a];
      await ctx.commit([{ op: 'setSettings', settings: { ...settings, notDuplicates: [...settings.notDuplicates, pair] } }], {});
    },

    async mergeMany(pairs: MergePair[]) {
      const now = ctx.now();
      const changed = new Map<ItemId, Item>();
      const kept: Item[] = [];
      for (const { keepId, otherId } of pairs) {
        // A pair whose item was merged away earlier in this batch (a chain a<-b, b<-c) is skipped.
        const keep = changed.get(keepId) ?? store.getItem(keepId);
        const other = changed.get(otherId) ?? store.getItem(otherId);
        if (!keep || !other || keep.trashedAt !== null || other.trashedAt !== null || keepId === otherId) continue;
        const merged = mergeItems(keep, other, {}, now);
        changed.set(keepId, merged.kept);
        changed.set(otherId, merged.trashed);
        kept.push(merged.kept);
      }
      await ctx.putItems([...changed.values()], true);
      return kept.map((k) => changed.get(k.id) ?? k);
    },
  };
}
