import type { ImportIssue } from '../import-issue.ts';
import type { CslItemData } from '../../model/csl.ts';
import { risToCsl, type RisFields } from './ris-to-csl.ts';

export interface RisRecord {
  csl: CslItemData;
  /** 1-based line of the record's `TY  -`. */
  line: number;
}

export interface RisParseResult {
  records: RisRecord[];
  issues: ImportIssue[];
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12 || c === 11;

/** Two-letter tags by char codes, so a file with millions of lines makes each tag string once. */
const TAG_NAMES: string[] = [];

function tagAt(text: string, at: number): string {
  const code = text.charCodeAt(at) * 128 + text.charCodeAt(at + 1);
  return (TAG_NAMES[code] ??= text.slice(at, at + 2));
}

/**
 * Where the value of the tag line text[from, to) starts, or -1 when it is no tag line. `TY  - JOUR`;
 * one space before the dash and an empty value (`ER  -`) are tolerated. Hand-written rather than
 * a regex, and on offsets rather than line strings, because it runs on every line of large files.
 */
function valueStart(text: string, from: number, to: number): number {
  if (to - from < 4 || !isUpper(text.charCodeAt(from))) return -1;
  const c1 = text.charCodeAt(from + 1);
  if ((!isUpper(c1) && !isDigit(c1)) || text.charCodeAt(from + 2) !== 32) return -1;
  const dash = text.charCodeAt(from + 3) === 45 ? from + 3 : text.charCodeAt(from + 3) === 32 && text.charCodeAt(from + 4) === 45 ? from + 4 : -1;
  if (dash < 0 || dash >= to) return -1;
  // After the dash: end of line or a space; `AB  -x` is not a tag line.
  if (dash + 1 === to) return to;
  return isBlank(text.charCodeAt(dash + 1)) ? dash + 2 : -1;
}

/** text[from, to) without surrounding blanks. */
function trimmed(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isBlank(text.charCodeAt(a))) a++;
  while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
  return a === b ? '' : text.slice(a, b);
}

/** Tags whose wrapped continuation lines keep their line breaks. */
const MULTILINE = new Set(['AB', 'N2', 'N1']);

interface OpenRecord {
  line: number;
  type: string | null;
  fields: RisFields;
  lastTag: string | null;
}

function keyOf(record: OpenRecord): string | undefined {
  const i = record.fields.tags.indexOf('ID');
  return i >= 0 ? record.fields.values[i] || undefined : undefined;
}

/**
 * Parses RIS in one pass over the text. Each record is checked on its own: a record with no
 * `ER  -`, no or an unknown `TY`, or an impossible date is reported and skipped, and the
 * records around it still import. Text outside records is reported once per run of lines.
 */
export function parseRis(text: string, fileName: string): RisParseResult {
  const records: RisRecord[] = [];
  const issues: ImportIssue[] = [];
  let open: OpenRecord | null = null;
  let strayStart = 0;
  let strayCount = 0;

  const issue = (line: number, reason: string, key?: string): void => {
    issues.push(key ? { file: fileName, line, reason, key } : { file: fileName, line, reason });
  };
  const flushStray = (): void => {
    if (strayCount === 0) return;
    issue(strayStart, strayCount === 1 ? 'text outside a record, ignored' : `${strayCount} lines of text outside a record, ignored`);
    strayCount = 0;
  };
  const finish = (record: OpenRecord): void => {
    const key = keyOf(record);
    if (record.type === null) {
      issue(record.line, 'record has no "TY  -" type line; skipped', key);
      return;
    }
    const converted = risToCsl(record.type, record.fields);
    if ('problem' in converted) issue(record.line, `${converted.problem}; record skipped`, key);
    else records.push({ csl: converted.csl, line: record.line });
  };

  // Old Mac line ends (a lone CR) are rare enough to pay for a copy; CRLF is handled in the loop.
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/\r(?!\n)/.test(source)) source = source.replace(/\r\n?/g, '\n');
  let n = 0;
  for (let from = 0; from <= source.length; ) {
    const newline = source.indexOf('\n', from);
    const next = newline < 0 ? source.length + 1 : newline + 1;
    let to = newline < 0 ? source.length : newline;
    if (to > from && source.charCodeAt(to - 1) === 13) to--;
    const lineStart = from;
    from = next;
    n++;
    const start = valueStart(source, lineStart, to);
    if (start < 0) {
      const content = trimmed(source, lineStart, to);
      if (content === '') continue;
      if (open?.lastTag) {
        const { values } = open.fields;
        const sep = MULTILINE.has(open.lastTag) ? '\n' : ' ';
        values[values.length - 1] = `${values[values.length - 1]}${sep}${content}`;
      } else if (open) {
        issue(n, 'text without a tag right after "TY  -", ignored');
      } else {
        if (strayCount === 0) strayStart = n;
        strayCount++;
      }
      continue;
    }
    const tag = tagAt(source, lineStart);
    const value = trimmed(source, start, to);
    if (tag === 'TY') {
      flushStray();
      if (open?.type === null) finish(open);
      else if (open) issue(open.line, 'record has no "ER  -" end marker before the next record; skipped', keyOf(open));
      open = { line: n, type: value.toUpperCase(), fields: { tags: [], values: [] }, lastTag: null };
      continue;
    }
    if (tag === 'ER') {
      flushStray();
      if (open) finish(open);
      else issue(n, '"ER  -" without a record, ignored');
      open = null;
      continue;
    }
    if (!open) {
      // Tags before any TY: a record whose type line is missing. Collect it to report it once.
      flushStray();
      open = { line: n, type: null, fields: { tags: [], values: [] }, lastTag: null };
    }
    open.fields.tags.push(tag);
    open.fields.values.push(value);
    open.lastTag = tag;
  }
  flushStray();
  if (open?.type === null) finish(open);
  else if (open) issue(open.line, 'record has no "ER  -" end marker (file ends inside it); skipped', keyOf(open));
  return { records, issues };
}
