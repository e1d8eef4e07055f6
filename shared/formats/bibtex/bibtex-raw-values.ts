import type { BibtexField } from '../../model/bibtex-source.ts';
import { BibSyntaxError, matchBrace, readName, scanValue, skipSpace } from './bibtex-scanner.ts';

/** Reading and rewriting raw (as written) field values at export time. */

/** The evaluated text of a raw value without macros, or null when it does not parse. */
function literalValue(raw: string): string | null {
  try {
    return scanValue(raw, 0, () => undefined).value;
  } catch (err) {
    if (err instanceof BibSyntaxError) return null;
    throw err;
  }
}

/** The @string names a raw value uses (`jt # { 2}` -> jt); none when it does not parse. */
export function macroNamesIn(raw: string): string[] {
  try {
    return scanValue(raw, 0, () => undefined).macros;
  } catch (err) {
    if (err instanceof BibSyntaxError) return [];
    throw err;
  }
}

/** Keys named by `crossref` and `xdata` (a comma-separated list). */
export function referencedKeys(fields: readonly BibtexField[]): Array<{ field: string; key: string }> {
  const out: Array<{ field: string; key: string }> = [];
  for (const f of fields) {
    const name = f.name.toLowerCase();
    if (name !== 'crossref' && name !== 'xdata') continue;
    const value = literalValue(f.raw);
    if (value === null) continue;
    for (const key of name === 'xdata' ? value.split(',') : [value]) {
      const trimmed = key.trim();
      if (trimmed !== '') out.push({ field: name, key: trimmed });
    }
  }
  return out;
}

/** Replaces macro names in a raw value (`dtv # { and Walter de Gruyter}`) with their raw definitions. */
export function inlineMacros(raw: string, defs: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 8) return raw;
  let out = '';
  let pos = 0;
  while (pos < raw.length) {
    const start = skipSpace(raw, pos);
    out += raw.slice(pos, start);
    pos = start;
    const c = raw[pos];
    if (c === undefined) break;
    let end: number;
    if (c === '{') end = safe(() => matchBrace(raw, pos), raw.length);
    else if (c === '"') end = closingQuote(raw, pos);
    else if (c === '#') end = pos + 1;
    else {
      end = Math.max(pos + 1, readName(raw, pos));
      const def = defs.get(raw.slice(pos, end).toLowerCase());
      if (def !== undefined && !/^[0-9]+$/.test(raw.slice(pos, end))) {
        out += inlineMacros(def, defs, depth + 1);
        pos = end;
        continue;
      }
    }
    out += raw.slice(pos, end);
    pos = end;
  }
  return out;
}

function safe(f: () => number, fallback: number): number {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function closingQuote(raw: string, pos: number): number {
  let depth = 0;
  for (let i = pos + 1; i < raw.length; i++) {
    if (raw[i] === '{') depth++;
    else if (raw[i] === '}') depth--;
    else if (raw[i] === '"' && depth === 0) return i + 1;
  }
  return raw.length;
}
