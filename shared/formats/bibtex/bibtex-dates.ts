import type { CslDate } from '../../model/csl.ts';
import { parseMonth } from './bibtex-months.ts';

/**
 * Dates between BibTeX (`year`, `month`, `day`), biblatex (`date`,
 * `urldate`: ISO 8601 / EDTF level 0-1 with `/` ranges) and CSL date-parts.
 */

const EDTF_POINT = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$/;

type DateParts = Array<number>;

function parsePoint(text: string): { parts: DateParts; circa: boolean } | null {
  const m = EDTF_POINT.exec(text.trim());
  if (!m) return null;
  const parts: DateParts = [Number(m[1])];
  if (m[2]) {
    const month = Number(m[2]);
    // EDTF seasons (21-24) have no CSL date-part; they are not a month.
    if (month < 1 || month > 12) return null;
    parts.push(month);
    if (m[3]) parts.push(Number(m[3]));
  }
  return { parts, circa: m[4] === '~' || m[4] === '%' };
}

/** `2004`, `2004-02`, `2004-02-15`, `1984/1986`, `1968-05-19/1968-05-25`, `2004/` (open), `1850~`. */
export function parseIsoDate(value: string): CslDate | null {
  const text = value.trim();
  if (text === '') return null;
  const slash = text.indexOf('/');
  if (slash < 0) {
    const point = parsePoint(text);
    if (!point) return null;
    return point.circa ? { 'date-parts': [point.parts], circa: true } : { 'date-parts': [point.parts] };
  }
  const from = parsePoint(text.slice(0, slash));
  const toText = text.slice(slash + 1).trim();
  if (!from) return null;
  if (toText === '' || toText === '..') return { 'date-parts': [from.parts], raw: text };
  const to = parsePoint(toText);
  if (!to) return null;
  return { 'date-parts': [from.parts, to.parts] };
}

/**
 * The issued date from whichever of `date`, `year`, `month`, `day` the entry
 * has (values already decoded). A year that is not a number ("in press",
 * "forthcoming") becomes a literal.
 */
export function issuedFromFields(date: string | undefined, year: string | undefined, month: string | undefined, day: string | undefined): CslDate | undefined {
  if (date !== undefined) {
    const parsed = parseIsoDate(date);
    if (parsed) return parsed;
    if (year === undefined) return date.trim() === '' ? undefined : { literal: date.trim() };
  }
  if (year === undefined) return undefined;
  const y = year.trim();
  const yearMatch = /^(-?\d{1,4})$/.exec(y);
  if (!yearMatch) return y === '' ? undefined : { literal: month ? `${month.trim()} ${y}` : y };
  const parts: DateParts = [Number(yearMatch[1])];
  const md = month === undefined ? null : parseMonthDay(month);
  if (md !== null) {
    parts.push(md.month);
    const d = day === undefined ? (md.day ?? NaN) : Number(day.trim());
    if (Number.isInteger(d) && d >= 1 && d <= 31) parts.push(d);
  }
  return { 'date-parts': [parts] };
}

/** `feb`, `February`, `2`, and with a day as people write it in `month`: `feb # "~1"`, `1 February`. */
function parseMonthDay(value: string): { month: number; day?: number } | null {
  const text = value.replace(/[\s\u00a0]+/g, ' ').trim();
  const whole = parseMonth(text);
  if (whole !== null) return { month: whole };
  const m = /^([A-Za-z]+\.?) (\d{1,2})$/.exec(text) ?? /^(\d{1,2}) ([A-Za-z]+\.?)$/.exec(text);
  if (!m) return null;
  const [name, day] = /^\d/.test(m[1] ?? '') ? [m[2] ?? '', m[1] ?? ''] : [m[1] ?? '', m[2] ?? ''];
  const month = parseMonth(name);
  return month === null ? null : { month, day: Number(day) };
}

function numberPart(value: number | string | undefined): number | null {
  if (value === undefined) return null;
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

function formatPoint(parts: Array<number | string> | undefined): string | null {
  const year = numberPart(parts?.[0]);
  if (year === null) return null;
  let out = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  const month = numberPart(parts?.[1]);
  if (month === null || month < 1 || month > 12) return out;
  out += `-${String(month).padStart(2, '0')}`;
  const day = numberPart(parts?.[2]);
  if (day !== null && day >= 1 && day <= 31) out += `-${String(day).padStart(2, '0')}`;
  return out;
}

/** biblatex `date`/`urldate` text, or null when the date has no numeric year (use a literal instead). */
export function formatIsoDate(date: CslDate): string | null {
  const parts = date['date-parts'];
  const from = formatPoint(parts?.[0]);
  if (from === null) return null;
  const circa = date.circa === true || date.circa === 1 || date.circa === 'true' ? '~' : '';
  if (parts && parts.length > 1) {
    const to = formatPoint(parts[1]);
    if (to !== null) return `${from}/${to}`;
  }
  if (date.raw?.trim().endsWith('/')) return `${from}/`;
  return from + circa;
}

/** BibTeX `year` and `month` (1..12) of a CSL date; a literal date becomes the year text. */
export function bibtexYearMonth(date: CslDate): { year?: string; month?: number } {
  const parts = date['date-parts']?.[0];
  const year = numberPart(parts?.[0]);
  if (year === null) {
    const text = (date.literal ?? date.raw ?? '').trim();
    return text === '' ? {} : { year: text };
  }
  const endYear = numberPart(date['date-parts']?.[1]?.[0]);
  if (endYear !== null && endYear !== year) return { year: `${year}--${endYear}` };
  const month = numberPart(parts?.[1]);
  return month !== null && month >= 1 && month <= 12 ? { year: String(year), month } : { year: String(year) };
}
