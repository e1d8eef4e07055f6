import type { CslItemData } from '../../model/csl.ts';

/** Keys that lead every item; the rest follow in alphabetical order. */
const LEADING_KEYS = ['id', 'type'];

function sortKeys(value: unknown, leading: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, []));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  const first = leading.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !leading.includes(k)).sort();
  const out: Record<string, unknown> = {};
  for (const k of [...first, ...rest]) out[k] = sortKeys(record[k], []);
  return out;
}

/**
 * CSL-JSON for the items: indented, `id` and `type` first and every other key sorted, so the same
 * library always produces the same text and diffs stay small.
 */
export function exportCslJson(items: CslItemData[]): string {
  return `${JSON.stringify(items.map((item) => sortKeys(item, LEADING_KEYS)), null, 2)}\n`;
}
