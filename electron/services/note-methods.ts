import type { FolioApi } from '../../shared/api/folio-api.ts';
import type { ServiceContext } from './service-context.ts';

export function createNoteMethods(ctx: ServiceContext): FolioApi['notes'] {
  return {
    async get(itemId) {
      return ctx.requireItem(itemId).note?.markdown ?? '';
    },
    async save(itemId, markdown) {
      const item = ctx.requireItem(itemId);
      if ((item.note?.markdown ?? '') === markdown) return;
      const now = ctx.now();
      await ctx.putItems([{ ...item, note: { markdown, modifiedAt: now }, modifiedAt: now }]);
    },
  };
}
