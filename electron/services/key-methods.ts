import type { FolioApi } from '../../shared/api/folio-api.ts';
import type { KeyChange } from '../../shared/api/library-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import type { ServiceContext } from './service-context.ts';

const UNSAFE_KEY = /[\s,{}()"#%~\\'=]/;

export function createKeyMethods(ctx: ServiceContext): FolioApi['keys'] {
  /** New keys for the unpinned items, each made unique against the library and the keys proposed before it. */
  const propose = (ids: ItemId[]): KeyChange[] => {
    const pattern = ctx.store.settings().keyPattern;
    const items = ctx.requireItems(ids).filter((i) => !i.keyPinned);
    for (const item of items) ctx.keys.remove(item);
    const changes: KeyChange[] = [];
    const claimed = [];
    try {
      for (const item of items) {
        const to = ctx.keys.generate(item.csl, pattern, item.id);
        const claimedItem = { ...item, citationKey: to };
        ctx.keys.add(claimedItem);
        claimed.push(claimedItem);
        if (to !== item.citationKey) changes.push({ id: item.id, from: item.citationKey, to });
      }
    } finally {
      for (const c of claimed) ctx.keys.remove(c);
      for (const item of items) ctx.keys.add(item);
    }
    return changes;
  };

  return {
    async previewRegenerate(ids) {
      return propose(ids);
    },

    async regenerate(ids) {
      const changes = propose(ids);
      const now = ctx.now();
      const items = changes.map((c) => ({ ...ctx.requireItem(c.id), citationKey: c.to, modifiedAt: now }));
      for (const c of changes) ctx.keys.remove(ctx.requireItem(c.id));
      for (const item of items) ctx.keys.add(item);
      await ctx.putItems(items);
      return changes;
    },

    async setKey(id, key) {
      const item = ctx.requireItem(id);
      const wanted = key.trim();
      if (!wanted || UNSAFE_KEY.test(wanted)) {
        throw new FolioError('INVALID_ARGUMENT', `"${key}" is not a usable citation key: no spaces, commas, braces, quotes, # % ~ \\ = allowed`);
      }
      if (wanted === item.citationKey) return item;
      if (ctx.keys.isTaken(wanted, id)) throw new FolioError('CONFLICT', `The key "${wanted}" is already used by another item`);
      const next = { ...item, citationKey: wanted, keyPinned: true, modifiedAt: ctx.now() };
      ctx.keys.remove(item);
      ctx.keys.add(next);
      await ctx.putItems([next]);
      return next;
    },

    async pin(ids, pinned) {
      const now = ctx.now();
      const items = ctx.requireItems(ids).filter((i) => i.keyPinned !== pinned);
      await ctx.putItems(items.map((i) => ({ ...i, keyPinned: pinned, modifiedAt: now })));
    },
  };
}
