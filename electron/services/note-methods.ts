import type { FolioApi } from '../../shared/api/folio-api.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { MAX_NOTE_CHARS } from '../../shared/library/record-limits.ts';
import type { ServiceContext } from './service-context.ts';

export function createNoteMethods(ctx: ServiceContext): FolioApi['notes'] {
  return {
    async get(itemId) {
      return ctx.requireItem(itemId).note?.markdown ?? '';
    },
    async save(itemId, markdown) {
      const item = ctx.requireItem(itemId);
      if (typeof markdown !== 'string' || markdown.length > MAX_NOTE_CHARS) {
        throw new FolioError('INVALID_ARGUMENT', `The note of ${item.citationKey} cannot be saved: it is longer than ${MAX_NOTE_CHARS} characters.`, { itemId });
      }
      if ((item.note?.markdown ?? '') === markdown) return;
      const now = ctx.now();
      await ctx.putItems([{ ...item, note: { markdown, modifiedAt: now }, modifiedAt: now }]);
    },
  };
}
