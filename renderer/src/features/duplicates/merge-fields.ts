import type { CslDate, CslItemData, CslName } from '../../../../shared/model/csl.ts';

export interface MergeFieldRow {
  field: string;
  a: string;
  b: string;
  same: boolean;
}

const ORDER = ['type', 'title', 'author', 'editor', 'issued', 'container-title', 'publisher', 'volume', 'issue', 'page', 'DOI', 'URL', 'archive_location', 'ISBN', 'abstract'];

function nameText(n: CslName): string {
  return n.literal ?? [n.family, n.given].filter(Boolean).join(', ');
}

/** A CSL value as one line of text, for comparing two items side by side. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? nameText(v as CslName) : String(v))).join('; ');
  const date = value as CslDate;
  if (Array.isArray(date['date-parts'])) return (date['date-parts'][0] ?? []).join('-');
  return date.raw ?? date.literal ?? JSON.stringify(value);
}

/** Every CSL variable of either item, common ones first, with each side's value. */
export function mergeFieldRows(a: CslItemData, b: CslItemData): MergeFieldRow[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => f !== 'id' && f !== 'citation-key');
  const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return fields
    .sort((x, y) => rank(x) - rank(y) || x.localeCompare(y))
    .map((field) => {
      const va = displayValue(a[field]);
      const vb = displayValue(b[field]);
      return { field, a: va, b: vb, same: va === vb };
    });
}
