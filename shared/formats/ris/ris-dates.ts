import type { CslDate } from '../../model/csl.ts';
import { dateProblem } from '../csl-json/csl-dates.ts';

export type RisDateResult = { date: CslDate } | { problem: string };

// `2017`, `2017/06`, `2017/06/12`, `2017/06/12/Spring`, `2017///`, `2017-06-12`.
const NUMERIC = /^(\d{4})(?:[/-](\d{0,2})(?:[/-](\d{0,2})(?:[/-](.*))?)?)?$/;

/**
 * Reads a RIS date field (PY, Y1, DA, Y2). Numeric dates are checked against the calendar;
 * free text that still names a year is kept as `raw`.
 */
export function parseRisDate(value: string): RisDateResult | null {
  const text = value.trim();
  if (text === '') return null;
  const m = NUMERIC.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : undefined;
    const day = m[3] ? Number(m[3]) : undefined;
    const problem = dateProblem(year, month, day);
    if (problem) return { problem: `impossible date "${text}": ${problem}` };
    const parts: number[] = [year];
    if (month !== undefined) parts.push(month);
    if (month !== undefined && day !== undefined) parts.push(day);
    return { date: { 'date-parts': [parts] } };
  }
  if (/\b\d{4}\b/.test(text)) return { date: { raw: text } };
  return { problem: `"${text}" is not a date` };
}

/** How specific a parsed date is, to pick the best of PY, Y1 and DA. */
export function dateDetail(date: CslDate): number {
  return date['date-parts']?.[0]?.length ?? 0;
}

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** `YYYY/MM/DD` as DA wants it, or the year alone; raw dates are written as they came. */
export function formatRisDate(date: CslDate): { year?: string; full?: string } {
  const parts = date['date-parts']?.[0];
  if (parts && parts.length > 0) {
    const [y, m, d] = parts;
    const year = String(y);
    if (m === undefined) return { year };
    return { year, full: d === undefined ? `${year}/${pad(m)}` : `${year}/${pad(m)}/${pad(d)}` };
  }
  const text = date.raw ?? date.literal;
  return text ? { full: text } : {};
}
