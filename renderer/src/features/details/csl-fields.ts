import type { CslDate, CslName } from '../../../../shared/model/csl.ts';

/** The CSL types people pick by hand, with readable names. */
export const CSL_TYPES: readonly { value: string; label: string }[] = [
  { value: 'article-journal', label: 'Journal article' },
  { value: 'paper-conference', label: 'Conference paper' },
  { value: 'article', label: 'Preprint' },
  { value: 'book', label: 'Book' },
  { value: 'chapter', label: 'Book chapter' },
  { value: 'thesis', label: 'Thesis' },
  { value: 'report', label: 'Report' },
  { value: 'manuscript', label: 'Manuscript' },
  { value: 'webpage', label: 'Web page' },
  { value: 'dataset', label: 'Dataset' },
  { value: 'software', label: 'Software' },
  { value: 'article-magazine', label: 'Magazine article' },
  { value: 'article-newspaper', label: 'Newspaper article' },
  { value: 'entry-encyclopedia', label: 'Encyclopedia entry' },
  { value: 'patent', label: 'Patent' },
  { value: 'speech', label: 'Presentation' },
  { value: 'document', label: 'Document' },
];

export function typeLabel(type: string): string {
  return CSL_TYPES.find((t) => t.value === type)?.label ?? type;
}

/** "2017", "2017-06" or "2017-06-12"; a raw or literal date as written. */
export function formatCslDate(date: CslDate | undefined): string {
  if (!date) return '';
  const parts = date['date-parts']?.[0];
  if (parts && parts.length > 0) {
    const [y, m, d] = parts.map((p) => String(p));
    return [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter((p): p is string => p !== undefined && p !== '').join('-');
  }
  return date.raw ?? date.literal ?? '';
}

/**
 * What the user typed as a date, as CSL: ISO-like input becomes date-parts,
 * anything else is kept as `raw` for citeproc to interpret. Empty means "remove".
 */
export function parseDateInput(text: string): CslDate | null {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t);
  if (m) {
    const parts = [Number(m[1])];
    const month = m[2] === undefined ? null : Number(m[2]);
    const day = m[3] === undefined ? null : Number(m[3]);
    if (month !== null && month >= 1 && month <= 12) {
      parts.push(month);
      if (day !== null && day >= 1 && day <= 31) parts.push(day);
      return { 'date-parts': [parts] };
    }
    if (month === null) return { 'date-parts': [parts] };
  }
  return { raw: t };
}

/** One editable line of a name list. `rest` keeps particles/suffix the form does not show. */
export interface NameLine {
  family: string;
  given: string;
  /** An institution or single-field name ("World Health Organization"). */
  literal: boolean;
  rest: Omit<CslName, 'family' | 'given' | 'literal'>;
}

export function toNameLines(names: readonly CslName[] | undefined): NameLine[] {
  return (names ?? []).map((n) => {
    const { family, given, literal, ...rest } = n;
    if (literal !== undefined && !family) return { family: literal, given: '', literal: true, rest };
    return { family: family ?? '', given: given ?? '', literal: false, rest };
  });
}

/** Back to CSL names; blank lines are dropped. */
export function fromNameLines(lines: readonly NameLine[]): CslName[] {
  const out: CslName[] = [];
  for (const line of lines) {
    const family = line.family.trim();
    const given = line.given.trim();
    if (family === '' && given === '') continue;
    if (line.literal) out.push({ ...line.rest, literal: family || given });
    else out.push({ ...line.rest, ...(family ? { family } : {}), ...(given ? { given } : {}) });
  }
  return out;
}

export function sameNames(a: readonly CslName[] | undefined, b: readonly CslName[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}

/** The CSL patch value for a text field: empty text removes the variable. */
export function textPatchValue(text: string): string | null {
  const t = text.trim();
  return t === '' ? null : t;
}
