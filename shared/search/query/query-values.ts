import type { NumberRange, TimeRange } from './query-ast.ts';

/** Values of range and date fields: `2017..2020`, `>=2021`, `<30d`, `2026-11`. Null when the text is not one. */

const NUMBER = /^\d+(?:\.\d+)?$/;

export function parseNumberRange(text: string): NumberRange | null {
  const cmp = /^(>=|<=|>|<|=)(.+)$/.exec(text);
  if (cmp) {
    const [, op, rest] = cmp as unknown as [string, string, string];
    if (!NUMBER.test(rest)) return null;
    const n = Number(rest);
    // Integers: years and ratings, so `>2020` is `>=2021`.
    switch (op) {
      case '>=': return { min: n, max: null };
      case '<=': return { min: null, max: n };
      case '>': return { min: Math.floor(n) + 1, max: null };
      case '<': return { min: null, max: Math.ceil(n) - 1 };
      default: return { min: n, max: n };
    }
  }
  const range = /^(\d*)\.\.(\d*)$/.exec(text);
  if (range) {
    const [, a, b] = range as unknown as [string, string, string];
    if (a === '' && b === '') return null;
    const min = a === '' ? null : Number(a);
    const max = b === '' ? null : Number(b);
    if (min !== null && max !== null && min > max) return null;
    return { min, max };
  }
  if (NUMBER.test(text)) return { min: Number(text), max: Number(text) };
  return null;
}

const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS, m: 30 * DAY_MS, y: 365 * DAY_MS };

/** `2026`, `2026-11`, `2026-11-05` as [start, end) in UTC. */
function calendarSpan(text: string): TimeRange | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (month === null) return { from: Date.UTC(year, 0, 1), until: Date.UTC(year + 1, 0, 1) };
  if (day === null) return { from: Date.UTC(year, month - 1, 1), until: Date.UTC(year, month, 1) };
  const from = Date.UTC(year, month - 1, day);
  if (new Date(from).getUTCDate() !== day) return null;
  return { from, until: from + DAY_MS };
}

/**
 * Dates relative to `now`: `<30d` is "less than 30 days ago" (newer), `>1y` older than a year; or calendar
 * spans (`2026-11`), compared with `<`, `>=`..., or joined with `..`.
 */
export function parseTimeRange(text: string, now: number): TimeRange | null {
  const rel = /^(<=|>=|<|>)?(\d+)([hdwmy])$/.exec(text);
  if (rel) {
    const [, op, n, unit] = rel as unknown as [string, string | undefined, string, string];
    const edge = now - Number(n) * (UNIT_MS[unit] as number);
    return op === '>' || op === '>=' ? { from: null, until: edge } : { from: edge, until: null };
  }
  const cmp = /^(<=|>=|<|>)(.+)$/.exec(text);
  if (cmp) {
    const span = calendarSpan(cmp[2] as string);
    if (!span) return null;
    switch (cmp[1]) {
      case '<': return { from: null, until: span.from };
      case '<=': return { from: null, until: span.until };
      case '>': return { from: span.until, until: null };
      default: return { from: span.from, until: null };
    }
  }
  const range = /^([^.]*)\.\.([^.]*)$/.exec(text);
  if (range) {
    const a = range[1] === '' ? null : calendarSpan(range[1] as string);
    const b = range[2] === '' ? null : calendarSpan(range[2] as string);
    if ((range[1] !== '' && !a) || (range[2] !== '' && !b) || (!a && !b)) return null;
    const from = a?.from ?? null;
    const until = b?.until ?? null;
    if (from !== null && until !== null && from >= until) return null;
    return { from, until };
  }
  return calendarSpan(text);
}
