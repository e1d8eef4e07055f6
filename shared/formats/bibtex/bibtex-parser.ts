import type { ImportIssue } from '../import-issue.ts';
import type { BibtexField } from '../../model/bibtex-source.ts';
import { BibSyntaxError, matchBrace, readKey, readName, scanValue, skipSpace, type MacroLookup } from './bibtex-scanner.ts';
import { MONTH_MACROS } from './bibtex-months.ts';

/**
 * The syntactic layer: the file cut into entries, each field with its exact
 * source text and its macro-expanded (still LaTeX) value. Knows nothing of CSL.
 */
export interface RawEntry {
  type: string;
  key: string;
  line: number;
  /** In source order, raw exactly as written (delimiters included). */
  fields: BibtexField[];
  /** Lower-case field name -> delimiters removed, `#` parts joined, @strings expanded. Still LaTeX. */
  values: Map<string, string>;
  /** @string definitions the fields use (transitively), name as defined -> raw, in definition order. */
  macros: Record<string, string> | undefined;
}

export interface RawParseResult {
  entries: RawEntry[];
  /** Entries not imported (syntax errors, repeated keys). */
  issues: ImportIssue[];
  /** Imported, with a remark (repeated field, undefined @string, key differing only in case). */
  warnings: ImportIssue[];
  preambles: string[];
  /** @string definitions, name as written -> raw value with delimiters. */
  strings: Record<string, string>;
}

interface MacroDef {
  name: string;
  raw: string;
  value: string;
  /** Lower-cased names of the macros this definition uses. */
  deps: string[];
}

const ENTRY_HEAD = /@[ \t]*([A-Za-z][\w-]*)\s*([{(])/y;

export function parseBibtexEntries(text: string, fileName: string): RawParseResult {
  const entries: RawEntry[] = [];
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const preambles: string[] = [];
  const defs = new Map<string, MacroDef>();
  const keys = new Map<string, { key: string; line: number }>();
  const lookup = (name: string): string | undefined => {
    const lower = name.toLowerCase();
    return defs.get(lower)?.value ?? MONTH_MACROS.get(lower);
  };

  // Line numbers are computed incrementally: entry starts only move forward.
  let lineCursor = 0;
  let lineNo = 1;
  const lineAt = (pos: number): number => {
    for (let i = text.indexOf('\n', lineCursor); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) lineNo++;
    lineCursor = pos;
    return lineNo;
  };

  const macrosOf = (names: string[]): Record<string, string> | undefined => {
    if (names.length === 0) return undefined;
    const wanted = new Set<string>();
    const visit = (lower: string): void => {
      const def = defs.get(lower);
      if (!def || wanted.has(lower)) return;
      wanted.add(lower);
      def.deps.forEach(visit);
    };
    names.forEach((n) => visit(n.toLowerCase()));
    if (wanted.size === 0) return undefined;
    const out: Record<string, string> = {};
    // Definition order puts every macro after the ones it uses.
    for (const [lower, def] of defs) if (wanted.has(lower)) out[def.name] = def.raw;
    return out;
  };

  let pos = 0;
  for (;;) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    ENTRY_HEAD.lastIndex = at;
    const head = ENTRY_HEAD.exec(text);
    if (!head) {
      // An `@` in free text (an e-mail address) is a comment, as in BibTeX; `@word` at a line start is a broken entry.
      if ((at === 0 || text[at - 1] === '\n') && /^@[ \t]*[A-Za-z]/.test(text.slice(at, at + 40))) {
        issues.push({ file: fileName, line: lineAt(at), reason: 'expected "{" or "(" after the entry type' });
      }
      pos = at + 1;
      continue;
    }
    const type = head[1] ?? '';
    const close = head[2] === '(' ? ')' : '}';
    const bodyStart = ENTRY_HEAD.lastIndex;
    const lowerType = type.toLowerCase();
    const line = lineAt(at);
    let entryKey: string | undefined;
    try {
      if (lowerType === 'comment') {
        pos = skipComment(text, bodyStart);
        continue;
      }
      const p = skipSpace(text, bodyStart);
      if (lowerType === 'preamble') {
        const v = scanValue(text, p, lookup);
        preambles.push(text.slice(p, v.end));
        pos = expectClose(text, skipSpace(text, v.end), close);
        continue;
      }
      if (lowerType === 'string') {
        pos = parseStringBody(text, p, close, lookup, defs);
        continue;
      }
      const keyEnd = readKey(text, p);
      entryKey = text.slice(p, keyEnd);
      const body = parseEntryBody(text, skipSpace(text, keyEnd), close, entryKey, lookup);
      pos = body.end;
      const lowerKey = entryKey.toLowerCase();
      const earlier = keys.get(lowerKey);
      if (earlier && earlier.key === entryKey) {
        issues.push({ file: fileName, line, key: entryKey, reason: `repeated key "${entryKey}" (first at line ${earlier.line}); this entry was skipped` });
        continue;
      }
      if (earlier) {
        warnings.push({ file: fileName, line, key: entryKey, reason: `key "${entryKey}" differs only in case from "${earlier.key}" (line ${earlier.line}); bibtex treats them as one` });
      } else {
        keys.set(lowerKey, { key: entryKey, line });
      }
      for (const reason of body.remarks) warnings.push({ file: fileName, line, key: entryKey, reason });
      entries.push({ type, key: entryKey, line, fields: body.fields, values: body.values, macros: macrosOf(body.macros) });
    } catch (err) {
      if (!(err instanceof BibSyntaxError)) throw err;
      const detailLine = line + countLines(text, at, err.pos);
      const issue: ImportIssue = { file: fileName, line, reason: `${err.message} (line ${detailLine}); entry skipped` };
      if (entryKey) issue.key = entryKey;
      issues.push(issue);
      pos = resync(text, at);
    }
  }
  const strings: Record<string, string> = {};
  for (const def of defs.values()) strings[def.name] = def.raw;
  return { entries, issues, warnings, preambles, strings };
}

interface EntryBody {
  end: number;
  fields: BibtexField[];
  values: Map<string, string>;
  /** Macro names the values use. */
  macros: string[];
  /** Warnings, kept back until the entry is known to parse. */
  remarks: string[];
}

/** From after the key to after the closing delimiter: `, name = value, ... }`. */
function parseEntryBody(text: string, p: number, close: string, key: string, lookup: MacroLookup): EntryBody {
  if (key === '' || text[p] === '=') throw new BibSyntaxError('missing citation key', p);
  const body: EntryBody = { end: p, fields: [], values: new Map(), macros: [], remarks: [] };
  if (text[p] === ',') p++;
  else if (text[p] !== close) throw new BibSyntaxError(`expected "," after the key "${key}"`, p);
  for (;;) {
    p = skipSpace(text, p);
    if (text[p] === close) break;
    const nameEnd = readName(text, p);
    if (nameEnd === p) throw new BibSyntaxError(`expected a field name or "${close}"`, p);
    const name = text.slice(p, nameEnd);
    p = skipSpace(text, nameEnd);
    if (text[p] !== '=') throw new BibSyntaxError(`expected "=" after the field name "${name}"`, p);
    p = skipSpace(text, p + 1);
    const v = scanValue(text, p, lookup);
    const raw = text.slice(p, v.end);
    p = skipSpace(text, v.end);
    if (text[p] === ',') p++;
    else if (text[p] !== close) throw new BibSyntaxError(`expected "," or "${close}" after the field "${name}"`, p);
    for (const m of v.undefinedMacros) body.remarks.push(`field "${name}" uses the undefined @string "${m}"; kept as written`);
    const lowerName = name.toLowerCase();
    if (body.values.has(lowerName)) {
      body.remarks.push(`field "${name}" is repeated; the first value was kept`);
      continue;
    }
    if (v.macros.length > 0) body.macros.push(...v.macros);
    body.fields.push({ name, raw });
    body.values.set(lowerName, v.value);
  }
  body.end = p + 1;
  return body;
}

/** `@string{name = value}`; several comma-separated assignments are accepted, as biber does. */
function parseStringBody(text: string, p: number, close: string, lookup: MacroLookup, defs: Map<string, MacroDef>): number {
  for (;;) {
    p = skipSpace(text, p);
    if (text[p] === close) return p + 1;
    const nameEnd = readName(text, p);
    if (nameEnd === p) throw new BibSyntaxError('expected a @string name', p);
    const name = text.slice(p, nameEnd);
    p = skipSpace(text, nameEnd);
    if (text[p] !== '=') throw new BibSyntaxError(`expected "=" after the @string name "${name}"`, p);
    p = skipSpace(text, p + 1);
    const v = scanValue(text, p, lookup);
    const lower = name.toLowerCase();
    // A redefinition replaces the old one; re-inserting keeps definition order = dependency order.
    defs.delete(lower);
    defs.set(lower, { name, raw: text.slice(p, v.end), value: v.value, deps: v.macros.map((m) => m.toLowerCase()) });
    p = skipSpace(text, v.end);
    if (text[p] === ',') p++;
    else if (text[p] !== close) throw new BibSyntaxError(`expected "${close}" to end the @string`, p);
  }
}

function expectClose(text: string, p: number, close: string): number {
  if (text[p] !== close) throw new BibSyntaxError(`expected "${close}"`, p);
  return p + 1;
}

/**
 * `@comment{...}` / `@comment(...)` (JabRef's `@Comment{jabref-meta: ...}`
 * too) is skipped as balanced text. An unbalanced one ends at the delimiter,
 * and what follows is read as BibTeX reads it: outside text.
 */
function skipComment(text: string, bodyStart: number): number {
  const open = text[bodyStart - 1];
  if (open === '{') {
    try {
      return matchBrace(text, bodyStart - 1, true);
    } catch {
      return bodyStart;
    }
  }
  let depth = 1;
  for (let i = bodyStart; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return bodyStart;
}

/** After a broken entry, parsing restarts at the next `@` that begins a line. */
function resync(text: string, at: number): number {
  const next = text.indexOf('\n@', at + 1);
  return next < 0 ? text.length : next + 1;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
