import type { FolioApi } from '../../../shared/api/folio-api.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { validateKeyPattern } from '../../../shared/citation/index.ts';
import type { ServiceContext } from '../service-context.ts';

/** "\\citep" or "citep" -> "citep"; letters only, with an optional star (\\cite*). */
export function normaliseCiteCommand(input: string): string {
  const name = input.trim().replace(/^\\/, '');
  if (!/^[A-Za-z]+\*?$/.test(name)) {
    throw new FolioError('INVALID_ARGUMENT', `"${input}" is not a LaTeX command name: use letters only, such as cite, citep or autocite`);
  }
  return name;
}

export function createSettingsMethods(ctx: ServiceContext): FolioApi['settings'] {
  return {
    async get() {
      return ctx.store.settings();
    },

    async update(patch) {
      const current = ctx.store.settings();
      const next = { ...current };
      if (patch.keyPattern !== undefined) {
        const pattern = patch.keyPattern.trim();
        const problem = validateKeyPattern(pattern);
        if (problem !== null) throw new FolioError('INVALID_ARGUMENT', `Citation key pattern: ${problem}`);
        next.keyPattern = pattern;
      }
      if (patch.citeCommand !== undefined) next.citeCommand = normaliseCiteCommand(patch.citeCommand);
      if (next.keyPattern === current.keyPattern && next.citeCommand === current.citeCommand) return current;
      await ctx.commit([{ op: 'setSettings', settings: next }], {});
      return ctx.store.settings();
    },
  };
}
