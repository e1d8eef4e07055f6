import type { ImportIssue } from '../../shared/api/io-types.ts';
import { findDuplicatesOf } from '../../shared/dedupe/index.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import type { Item } from '../../shared/model/item.ts';
import type { ServiceContext } from './service-context.ts';

const REASON_TEXT = { doi: 'same DOI', arxiv: 'same arXiv id', 'title-year-author': 'same title, first author and year' } as const;
/** Past this many, the report says how many more instead of listing each. */
const MAX_LISTED = 50;

/** Warnings for imported items that look like items already in the library. The import is never blocked. */
export function duplicateWarnings(ctx: ServiceContext, items: readonly Item[], lineOf: (item: Item) => number, fileName: string): ImportIssue[] {
  if (items.length === 0 || ctx.store.itemCount() === 0) return [];
  const existing = [...ctx.store.items()].filter((i) => i.trashedAt === null).map((i) => ({ id: i.id, csl: i.csl }));
  const byId = new Map(items.map((i) => [i.id as string, i]));
  const pairs = findDuplicatesOf(items.map((i) => ({ id: i.id, csl: i.csl })), existing, { notDuplicates: ctx.store.settings().notDuplicates });
  const seen = new Set<string>();
  const warnings: ImportIssue[] = [];
  for (const pair of pairs) {
    if (seen.has(pair.a)) continue;
    seen.add(pair.a);
    const item = byId.get(pair.a);
    const other = ctx.store.getItem(pair.b as ItemId);
    if (!item || !other) continue;
    warnings.push({
      file: fileName,
      line: lineOf(item),
      key: item.citationKey,
      reason: `likely a duplicate of "${other.citationKey}" already in the library (${REASON_TEXT[pair.reason]}); see Duplicates to merge`,
    });
  }
  if (warnings.length > MAX_LISTED) {
    const rest = warnings.length - MAX_LISTED;
    return [...warnings.slice(0, MAX_LISTED), { file: fileName, line: 0, reason: `and ${rest} more likely duplicates` }];
  }
  return warnings;
}
