import type { BibtexField } from '../../../shared/model/bibtex-source.ts';
import type { Item } from '../../../shared/model/item.ts';
import { cslVariableOfField } from '../../../shared/formats/bibtex/bibtex-fields.ts';

/**
 * How an item is written in library.json from schema version 2 on.
 *
 * An imported item keeps its BibTeX source (every field as written) next to its CSL, so the
 * abstract, the title and the authors were stored twice. In the file, a CSL variable whose value
 * follows from one of the item's own source fields by the simple rules below is left out of `csl`
 * and named in `cslFromSource` instead (variable -> the field's name as written):
 * - text: the field is `{…}` or `"…"` and the value is what is inside with every brace removed,
 *   blank runs made one space and the ends trimmed;
 * - names: the field is `{Family, Given and Family, Given …}` with plain parts, and the value is
 *   exactly those `{ family, given }` names.
 * A variable is left out only when the rule gives back exactly the value in memory, so reading
 * the file gives back the same item, byte for byte once written again. In memory an item is always
 * whole; only the file is compact. Changing these rules changes the file format: it needs a new
 * schema version and a migration.
 */
export const CSL_FROM_SOURCE = 'cslFromSource';

/** A field's text by the "text" rule, or undefined when it is not delimited. */
function plainText(raw: string): string | undefined {
  if (raw.length < 2) return undefined;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  // `{…}` or `"…"`; anything else (a number, a macro, a # concatenation) has no rule.
  if (!((first === 123 && last === 125) || (first === 34 && last === 34))) return undefined;
  const inner = raw.slice(1, -1);
  // includes() and replaceAll() of one character are several times quicker than a regex over a long abstract.
  const text = inner.includes('{') || inner.includes('}') ? inner.replaceAll('{', '').replaceAll('}', '') : inner;
  if (text.includes('  ') || text.includes('\n') || text.includes('\t') || text.includes('\r') || text.includes('\f') || text.includes('\v')) {
    return text.replace(BLANKS, ' ').trim();
  }
  // No run of blanks inside: collapsing changes nothing, trimming may.
  return text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32 ? text.trim() : text;
}

const BLANKS = /[ \t\n\r\f\v]+/g;

const PLAIN_NAME_PART = /^[^{}\\,]+$/;

/** `{Family, Given and …}` as CSL names, or undefined when a part is not that plain. */
function plainNames(raw: string): Array<{ family: string; given: string }> | undefined {
  if (raw.length < 2 || raw.charCodeAt(0) !== 123 || raw.charCodeAt(raw.length - 1) !== 125) return undefined;
  const names: Array<{ family: string; given: string }> = [];
  for (const part of raw.slice(1, -1).split(' and ')) {
    const comma = part.indexOf(', ');
    if (comma <= 0) return undefined;
    const family = part.slice(0, comma);
    const given = part.slice(comma + 2);
    if (!PLAIN_NAME_PART.test(family) || !PLAIN_NAME_PART.test(given)) return undefined;
    names.push({ family, given });
  }
  return names;
}

/** The CSL name variables (CSL 1.0.2): these take the names rule, every other variable the text rule. */
const NAME_VARIABLES: ReadonlySet<string> = new Set([
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator',
]);

function derive(variable: string, raw: string): unknown {
  return NAME_VARIABLES.has(variable) ? plainNames(raw) : plainText(raw);
}

function derives(variable: string, field: BibtexField, value: unknown): boolean {
  if (!NAME_VARIABLES.has(variable)) return typeof value === 'string' && plainText(field.raw) === value;
  if (!Array.isArray(value) || value.length === 0) return false;
  const names = plainNames(field.raw);
  if (names?.length !== value.length) return false;
  return names.every((name, i) => {
    const other: unknown = value[i];
    if (typeof other !== 'object' || other === null || Array.isArray(other)) return false;
    const keys = Object.keys(other);
    const { family, given } = other as Record<string, unknown>;
    return keys.length === 2 && family === name.family && given === name.given;
  });
}

/**
 * The item as library.json holds it: `csl` without the variables its source gives back, and the
 * source's @string definitions as `[name, raw]` pairs in definition order (the file's keys are
 * sorted, and a @string may use one defined before it).
 */
export function toStoredItem(item: Item): Item | Record<string, unknown> {
  const source = item.source;
  if (!source) return item;
  const macros = source.macros;
  const stored = macros && Object.keys(macros).length > 1 ? { ...item, source: { ...source, macros: Object.entries(macros) } } : item;
  return withCslFromSource(stored, item);
}

function withCslFromSource(stored: Item | Record<string, unknown>, item: Item): Item | Record<string, unknown> {
  const fields = item.source?.fields;
  if (!fields || fields.length === 0) return stored;
  const csl: Record<string, unknown> = item.csl;
  let fromSource: Record<string, string> | null = null;
  const seen = new Set<string>();
  for (const field of fields) {
    // Reading takes the first field of a name, so only that one may stand for a variable.
    if (seen.has(field.name)) continue;
    seen.add(field.name);
    const variable = cslVariableOfField(field.name, item.csl.type);
    if (variable === undefined || variable === 'type' || (fromSource !== null && Object.hasOwn(fromSource, variable))) continue;
    const value = csl[variable];
    if (value === undefined || !derives(variable, field, value)) continue;
    (fromSource ??= {})[variable] = field.name;
  }
  if (!fromSource) return stored;
  const derived = fromSource;
  const kept = Object.fromEntries(Object.entries(csl).filter(([key]) => !Object.hasOwn(derived, key)));
  return { ...stored, csl: kept, [CSL_FROM_SOURCE]: derived };
}

export type ExpandedItem = { ok: true; item: unknown } | { ok: false; problem: string };

/**
 * A parsed library.json item line made whole again; anything that is not a stored item with
 * `cslFromSource` is returned as it is, for the item check to judge.
 */
export function fromStoredItem(value: unknown): ExpandedItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: true, item: value };
  const withMacros = macrosAsRecord(value as Record<string, unknown>);
  if (typeof withMacros === 'string') return { ok: false, problem: withMacros };
  return withCsl(withMacros);
}

/** `source.macros` written as pairs becomes the name -> raw record again, in the same order. */
function macrosAsRecord(record: Record<string, unknown>): Record<string, unknown> | string {
  const source = record.source;
  if (typeof source !== 'object' || source === null || !Array.isArray((source as { macros?: unknown }).macros)) return record;
  const pairs = (source as { macros: unknown[] }).macros;
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return 'source.macros: not a list of [name, definition] pairs';
  }
  const macros = Object.fromEntries(pairs as Array<[string, string]>);
  return { ...record, source: { ...(source as object), macros } };
}

/** A plain assignment of "__proto__" would set the prototype; such a key (JSON.parse makes it an own key) stays a key. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function withCsl(record: Record<string, unknown>): ExpandedItem {
  const fromSource = record[CSL_FROM_SOURCE];
  if (fromSource === undefined) return { ok: true, item: record };
  if (typeof fromSource !== 'object' || fromSource === null || Array.isArray(fromSource)) return { ok: false, problem: `${CSL_FROM_SOURCE}: not an object` };
  const csl = record.csl;
  const fields = (record.source as { fields?: unknown } | undefined)?.fields;
  if (typeof csl !== 'object' || csl === null || Array.isArray(csl)) return { ok: false, problem: 'csl: not an object' };
  if (!Array.isArray(fields)) return { ok: false, problem: `${CSL_FROM_SOURCE}: the item has no source fields` };
  const derived: Array<[string, unknown]> = [];
  for (const [variable, name] of Object.entries(fromSource as Record<string, unknown>)) {
    const field = fields.find((f: unknown) => typeof f === 'object' && f !== null && (f as BibtexField).name === name) as BibtexField | undefined;
    if (!field || typeof field.raw !== 'string') return { ok: false, problem: `${CSL_FROM_SOURCE}.${variable}: the source has no field "${String(name)}"` };
    const value = derive(variable, field.raw);
    if (value === undefined) return { ok: false, problem: `${CSL_FROM_SOURCE}.${variable}: the field "${String(name)}" does not give a value` };
    if (Object.hasOwn(csl, variable)) return { ok: false, problem: `${CSL_FROM_SOURCE}.${variable}: csl holds the variable too` };
    derived.push([variable, value]);
  }
  // Keys in sorted order, as a whole item read from the file has them.
  const cslRecord = csl as Record<string, unknown>;
  const keys = [...Object.keys(cslRecord), ...derived.map(([variable]) => variable)].sort();
  const values = new Map<string, unknown>(derived);
  const whole: Record<string, unknown> = {};
  for (const key of keys) setOwn(whole, key, values.has(key) ? values.get(key) : cslRecord[key]);
  const item: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (key !== CSL_FROM_SOURCE) setOwn(item, key, key === 'csl' ? whole : record[key]);
  return { ok: true, item };
}
