/**
 * Low-level scanning of BibTeX syntax: whitespace, names and field values.
 * Works on char codes over the whole file text; every function takes the
 * position to start from and returns where it stopped, so the parser can
 * keep the exact source slice of each value.
 */

export class BibSyntaxError extends Error {
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(message);
    this.pos = pos;
  }
}

const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const AT = 64;
const LBRACE = 123;
const RBRACE = 125;

export function isSpace(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
}

export function skipSpace(text: string, pos: number): number {
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** Characters that end a field name, macro name or bare value (BibTeX's own set, plus whitespace). */
const NAME_STOP = new Set([...'"#%\'(),={}'].map((ch) => ch.charCodeAt(0)));

export function readName(text: string, pos: number): number {
  return readUntil(text, pos, NAME_STOP);
}

/** Citation keys end at whitespace, a comma or a delimiter; `: / - . _ + ' ~` and friends are part of the key. */
const KEY_STOP = new Set([...',{}()="#%\\'].map((ch) => ch.charCodeAt(0)));

export function readKey(text: string, pos: number): number {
  return readUntil(text, pos, KEY_STOP);
}

function readUntil(text: string, pos: number, stop: ReadonlySet<number>): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (isSpace(c) || stop.has(c)) break;
    pos++;
  }
  return pos;
}

/**
 * A line that starts with `@` and a letter inside a value almost always means
 * the value's closing delimiter is missing and the next entry has begun. We
 * stop there so one broken entry does not swallow the rest of the file.
 */
function entryStartsAt(text: string, pos: number): boolean {
  if (text.charCodeAt(pos) !== AT) return false;
  const next = text.charCodeAt(pos + 1) | 0x20;
  return next >= 97 && next <= 122;
}

// A regex jumps over plain text far faster than a loop over char codes.
// Only a newline followed by `@` can start the next entry, so other newlines need no stop.
const BRACE_STOPS = /[{}]|\n@/g;
const QUOTE_STOPS = /[{}"]|\n@/g;

/**
 * Position just after the `}` matching the `{` at `pos`. Braces count even
 * when escaped, as in BibTeX. `inComment` turns off the next-entry guard,
 * since commented-out entries are exactly what a comment holds.
 */
export function matchBrace(text: string, pos: number, inComment = false): number {
  let depth = 0;
  const stops = BRACE_STOPS;
  stops.lastIndex = pos;
  for (let m = stops.exec(text); m !== null; m = stops.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === LBRACE) depth++;
    else if (c === RBRACE) {
      depth--;
      if (depth === 0) return i + 1;
    } else if (!inComment && entryStartsAt(text, i + 1)) {
      break;
    }
  }
  throw new BibSyntaxError('unbalanced braces: a "{" is never closed', pos);
}

/** Position just after the `"` closing the quoted value at `pos`; quotes inside braces do not count. */
function matchQuote(text: string, pos: number): number {
  let depth = 0;
  const stops = QUOTE_STOPS;
  stops.lastIndex = pos + 1;
  for (let m = stops.exec(text); m !== null; m = stops.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === LBRACE) depth++;
    else if (c === RBRACE) {
      depth--;
      if (depth < 0) throw new BibSyntaxError('unbalanced "}" inside a quoted value', i);
    } else if (c === QUOTE) {
      if (depth === 0) return i + 1;
    } else if (entryStartsAt(text, i + 1)) break;
  }
  throw new BibSyntaxError('a quoted value is never closed', pos);
}

/** Looks a macro (an @string name) up; `undefined` when it is not defined. */
export type MacroLookup = (name: string) => string | undefined;

export interface ScannedValue {
  /** Position just after the last part (trailing whitespace not included). */
  end: number;
  /** The parts concatenated, delimiters removed and macros expanded: still LaTeX. */
  value: string;
  /** Macro names referenced, as written; empty for the common single-literal case. */
  macros: string[];
  /** Macro names that were not defined. */
  undefinedMacros: string[];
}

/**
 * Reads `part # part # ...` where a part is `{...}`, `"..."`, a number or a
 * macro name.
 */
export function scanValue(text: string, pos: number, lookup: MacroLookup): ScannedValue {
  let value = '';
  const macros: string[] = [];
  const undefinedMacros: string[] = [];
  for (;;) {
    const c = text.charCodeAt(pos);
    let end: number;
    if (c === LBRACE) {
      end = matchBrace(text, pos);
      value += text.slice(pos + 1, end - 1);
    } else if (c === QUOTE) {
      end = matchQuote(text, pos);
      value += text.slice(pos + 1, end - 1);
    } else {
      end = readName(text, pos);
      if (end === pos) throw new BibSyntaxError('expected a value ({...}, "...", a number or a @string name)', pos);
      const word = text.slice(pos, end);
      if (!/^[0-9]+$/.test(word)) {
        macros.push(word);
        const expanded = lookup(word);
        if (expanded === undefined) undefinedMacros.push(word);
        value += expanded ?? word;
      } else {
        value += word;
      }
    }
    const after = skipSpace(text, end);
    if (text.charCodeAt(after) !== HASH) return { end, value, macros, undefinedMacros };
    pos = skipSpace(text, after + 1);
  }
}
