import {
  ACCENTS,
  ARGUMENT_DROPPING_COMMANDS,
  ESCAPED_CHARACTERS,
  QUOTE_COMMANDS,
  SILENT_COMMANDS,
  SPACING_ACCENTS,
  SPACING_SYMBOLS,
  TEXT_SYMBOLS,
  TRANSPARENT_COMMANDS,
  VERBATIM_COMMANDS,
} from './latex-symbols.ts';

/**
 * LaTeX field text -> the clean Unicode shown in the UI. Never fails: an
 * unknown command is kept verbatim with its brace arguments, and math
 * (`$...$`, `\(...\)`) is kept as TeX source.
 */
export function decodeLatex(raw: string): string {
  // Collapsing first is safe: TeX reads any run of blanks as one space.
  const text = collapseSpace(raw);
  if (!needsDecoding(text)) return text;
  const out = decodeSpan(text, 0, text.length);
  return out.includes('  ') || out.startsWith(' ') || out.endsWith(' ') ? collapseSpace(out) : out;
}

/**
 * Verbatim fields (url, doi, eprint): no LaTeX meaning, except the escapes
 * people add for bibtex styles that print them as text (`\_`, `\%`), and a
 * `\url{...}` wrapper.
 */
export function decodeVerbatim(raw: string): string {
  const trimmed = collapseSpace(raw);
  const inner = /^\\url\{([^{}]*)\}$/.exec(trimmed)?.[1] ?? trimmed;
  return inner.replace(/\\([_%#&$~])/g, '$1');
}

/** includes() is a memchr-like scan; a regex alternation over long abstracts costs several times more. */
function needsDecoding(text: string): boolean {
  return (
    text.includes('\\') || text.includes('{') || text.includes('}') || text.includes('~') ||
    text.includes('$') || text.includes('`') || text.includes('--') || text.includes("''")
  );
}
const PLAIN_RUN = /[^{}~\-`'$\\]+/y;
const LETTERS = /[A-Za-z]+/y;
/** Blank runs other than a single space: far fewer matches than every run of blanks. */
const SPACE_RUN = /[\t\n\r\f\v][ \t\n\r\f\v]*| [ \t\n\r\f\v]+/g;
function collapseSpace(text: string): string {
  const untouched =
    !text.includes('\n') && !text.includes('  ') && !text.includes('\t') && !text.includes('\r') &&
    !text.startsWith(' ') && !text.endsWith(' ');
  return untouched ? text : text.replace(SPACE_RUN, ' ').trim();
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function skipBlanks(s: string, i: number, end: number): number {
  while (i < end && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

/** Index just after the `}` closing the group at `i`; the span end when it never closes. */
function groupEnd(s: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j + 1;
  }
  return end;
}

interface Arg {
  start: number;
  end: number;
  next: number;
}

/** A macro argument: a brace group, a control sequence, or one character (code point). */
function readArg(s: string, i: number, end: number): Arg {
  i = skipBlanks(s, i, end);
  if (i >= end) return { start: i, end: i, next: i };
  if (s[i] === '{') {
    const close = groupEnd(s, i, end);
    return { start: i + 1, end: Math.max(i + 1, close - 1), next: close };
  }
  if (s[i] === '\\') {
    LETTERS.lastIndex = i + 1;
    const m = LETTERS.exec(s);
    const stop = m && m.index === i + 1 ? i + 1 + m[0].length : Math.min(end, i + 2);
    return { start: i, end: stop, next: stop };
  }
  const width = (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return { start: i, end: i + width, next: i + width };
}

function accent(command: string, argText: string): string {
  const mark = ACCENTS[command] ?? '';
  if (argText === '') return SPACING_ACCENTS[command] ?? '';
  // Dotless i/j carry the accent's own dot: `\"{\i}` is ï, not ı̈.
  const dotless = argText[0] === 'ı' ? 'i' : argText[0] === 'ȷ' ? 'j' : undefined;
  const width = dotless !== undefined || (argText.codePointAt(0) ?? 0) <= 0xffff ? 1 : 2;
  // Only the accented letter is normalised: the rest of the text keeps its own Unicode form.
  return ((dotless ?? argText.slice(0, width)) + mark).normalize('NFC') + argText.slice(width);
}

function copyMath(s: string, i: number, end: number): number {
  if (s[i] === '$') {
    const double = s[i + 1] === '$';
    const delim = double ? '$$' : '$';
    for (let j = i + delim.length; j < end; j++) {
      if (s[j] === '\\') j++;
      else if (s.startsWith(delim, j)) return j + delim.length;
    }
    return end;
  }
  const close = s.indexOf('\\)', i + 2);
  return close < 0 || close >= end ? end : close + 2;
}

function decodeSpan(s: string, start: number, end: number): string {
  let out = '';
  let i = start;
  while (i < end) {
    const ch = s[i];
    if (ch === '{' || ch === '}') {
      i++;
    } else if (ch === '~') {
      out += '\u00a0';
      i++;
    } else if (ch === '-') {
      if (s[i + 1] === '-' && i + 1 < end) {
        const em = s[i + 2] === '-' && i + 2 < end;
        out += em ? '—' : '–';
        i += em ? 3 : 2;
      } else {
        out += '-';
        i++;
      }
    } else if (ch === '`') {
      const pair = s[i + 1] === '`' && i + 1 < end;
      out += pair ? '“' : '‘';
      i += pair ? 2 : 1;
    } else if (ch === "'") {
      const pair = s[i + 1] === "'" && i + 1 < end;
      out += pair ? '”' : "'";
      i += pair ? 2 : 1;
    } else if (ch === '$') {
      const j = copyMath(s, i, end);
      out += s.slice(i, j);
      i = j;
    } else if (ch === '\\') {
      const r = decodeCommand(s, i, end);
      out += r.text;
      i = r.next;
    } else {
      PLAIN_RUN.lastIndex = i;
      const m = PLAIN_RUN.exec(s);
      const stop = m ? Math.min(end, i + m[0].length) : i + 1;
      out += s.slice(i, stop);
      i = stop;
    }
  }
  return out;
}

function decodeArg(s: string, arg: Arg): string {
  return decodeSpan(s, arg.start, arg.end);
}

/** `s[i]` is a backslash. */
function decodeCommand(s: string, i: number, end: number): { text: string; next: number } {
  const c = s[i + 1];
  if (i + 1 >= end || c === undefined) return { text: '\\', next: end };
  if (!isLetter(c)) {
    if (c === '(') {
      const j = copyMath(s, i, end);
      return { text: s.slice(i, j), next: j };
    }
    if (ACCENTS[c] !== undefined && !isLetter(c)) {
      const arg = readArg(s, i + 2, end);
      return { text: accent(c, decodeArg(s, arg)), next: arg.next };
    }
    if (ESCAPED_CHARACTERS.has(c)) return { text: c, next: i + 2 };
    const spacing = SPACING_SYMBOLS[c];
    if (spacing !== undefined) return { text: spacing, next: i + 2 };
    return { text: s.slice(i, i + 2), next: i + 2 };
  }
  LETTERS.lastIndex = i + 1;
  let name = LETTERS.exec(s)?.[0] ?? '';
  if (i + 1 + name.length > end) name = name.slice(0, end - i - 1);
  let next = i + 1 + name.length;
  if (s[next] === '*' && QUOTE_COMMANDS.has(`${name}*`)) {
    name += '*';
    next++;
  }
  if (ACCENTS[name] !== undefined) {
    const arg = readArg(s, next, end);
    return { text: accent(name, decodeArg(s, arg)), next: arg.next };
  }
  const symbol = TEXT_SYMBOLS.get(name);
  // TeX swallows the spaces after a control word: `\AA ngstr\"om` is one word.
  if (symbol !== undefined) return { text: symbol, next: skipBlanks(s, next, end) };
  if (SILENT_COMMANDS.has(name)) return { text: '', next: skipBlanks(s, next, end) };
  if (TRANSPARENT_COMMANDS.has(name)) {
    const arg = readArg(s, next, end);
    return { text: decodeArg(s, arg), next: arg.next };
  }
  if (VERBATIM_COMMANDS.has(name)) {
    const arg = readArg(s, next, end);
    return { text: s.slice(arg.start, arg.end), next: arg.next };
  }
  const quotes = QUOTE_COMMANDS.get(name);
  if (quotes) {
    const arg = readArg(s, next, end);
    return { text: quotes[0] + decodeArg(s, arg) + quotes[1], next: arg.next };
  }
  if (ARGUMENT_DROPPING_COMMANDS.has(name)) return { text: '', next: readArg(s, next, end).next };
  if (name === 'href') {
    const url = readArg(s, next, end);
    const label = readArg(s, url.next, end);
    return { text: decodeArg(s, label), next: label.next };
  }
  // Unknown: keep the command and its brace arguments exactly as written.
  while (s[next] === '{' && next < end) next = groupEnd(s, next, end);
  return { text: s.slice(i, next), next };
}
