import type { CslDate, CslName } from '../../model/csl.ts';
import { normalizeDoi, parseArxivId } from '../identifiers/index.ts';
import { cleanText } from './html-entities.ts';

/**
 * The WHATWG URL parser, a global in every host shared/ runs in (Node, the window, the extension). Declared
 * here, not through the DOM lib, so the rest of shared/ still cannot reach browser globals.
 */
declare const URL: new (input: string, base?: string) => { href: string; protocol: string; username: string; password: string };

/** A page with more names than this is hostile or a physics collaboration; the rest are left out, and the report says so. */
export const MAX_AUTHORS = 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validParts(y: number, m?: number, d?: number): number[] | null {
  if (!(y >= 1000 && y <= 2999)) return null;
  if (m === undefined || !(m >= 1 && m <= 12)) return [y];
  if (d === undefined || !(d >= 1 && d <= 31)) return [y, m];
  return [y, m, d];
}

/** `2017/06/12`, `2017-06-12T…`, `2020/7`, `2019`, `12 Jun 2017`, `June 2017`, `June 12, 2017` as CSL date parts. */
export function parseDate(raw: string | undefined): CslDate | undefined {
  if (!raw) return undefined;
  const s = cleanText(raw);
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/.exec(s);
  if (m) {
    const parts = validParts(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
    return parts ? { 'date-parts': [parts] } : undefined;
  }
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const day = m[1] ?? m[3];
    const parts = validParts(Number(m[4]), month || undefined, day ? Number(day) : undefined);
    return parts ? { 'date-parts': [parts] } : undefined;
  }
  m = /\b(1[5-9]\d\d|2[0-9]\d\d)\b/.exec(s);
  return m ? { 'date-parts': [[Number(m[1])]] } : undefined;
}

/** `Vaswani, Ashish`, `Ashish Vaswani`, or a literal name when it is one word or an organisation. */
export function parseName(raw: string): CslName | null {
  const s = cleanText(raw).replace(/\s*\d+$/, '');
  if (!s) return null;
  const comma = s.indexOf(',');
  if (comma > 0) {
    const family = s.slice(0, comma).trim();
    const given = s.slice(comma + 1).trim();
    return given ? { family, given } : { family };
  }
  const parts = s.split(' ');
  if (parts.length === 1 || parts.length > 6) return { literal: s };
  const family = parts.pop()!;
  return { family, given: parts.join(' ') };
}

/** Names in order, duplicates (the same name given twice, as DC pages often do) dropped, capped at MAX_AUTHORS. */
export function nameList(raws: readonly string[], notes: string[]): CslName[] | undefined {
  const seen = new Set<string>();
  const out: CslName[] = [];
  for (const raw of raws) {
    const name = parseName(raw);
    if (!name) continue;
    const key = JSON.stringify(name).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length === MAX_AUTHORS) {
      notes.push(`only the first ${MAX_AUTHORS} authors were kept`);
      break;
    }
    out.push(name);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * An http(s) URL, resolved against the page's address when relative. `javascript:`, `data:` and every
 * other scheme give undefined, so nothing the page names can run or be fetched as something else.
 */
export function safeHttpUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = cleanText(raw);
  if (!s || s.length > 4096) return undefined;
  let url: InstanceType<typeof URL>;
  try {
    url = base ? new URL(s, base) : new URL(s);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}

export function doiOf(raw: string | undefined): string | undefined {
  return raw ? (normalizeDoi(cleanText(raw)) ?? undefined) : undefined;
}

/** An arXiv id from `1706.03762`, `arXiv:1706.03762v5`, or an arxiv.org abs/pdf URL. */
export function arxivOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = cleanText(raw);
  const fromUrl = /arxiv\.org\/(?:abs|pdf|html)\/([^?#\s]+?)(?:\.pdf)?(?:[?#]|$)/i.exec(s);
  return parseArxivId(fromUrl ? fromUrl[1]! : s)?.id;
}

/** Sets `key` only when the value is a non-empty string: keeps PaperFields free of empty strings. */
export function setText<K extends string>(target: Partial<Record<K, string>>, key: K, raw: string | undefined): void {
  if (raw === undefined) return;
  const value = cleanText(raw);
  if (value && target[key] === undefined) target[key] = value;
}
