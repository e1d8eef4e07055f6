import katex from 'katex';
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { texProblem } from './render-limits.ts';

const DOLLAR = 0x24;
const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  // Untrusted notes: bound the size and macro expansion a formula may ask for.
  maxSize: 50,
  maxExpand: 1000,
} as const;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const SHOWN_SOURCE_CHARS = 200;

/**
 * KaTeX for one formula; past the render limits, its source as text with the
 * reason. Other errors KaTeX throws are not swallowed: the note pane's error
 * boundary shows them and the rest of the window keeps working.
 */
export function renderTex(tex: string, displayMode: boolean): string {
  const problem = texProblem(tex);
  if (problem === null) return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
  const shown = tex.length > SHOWN_SOURCE_CHARS ? `${tex.slice(0, SHOWN_SOURCE_CHARS)}…` : tex;
  return `<span class="math-error" data-testid="math-error" title="${escapeHtml(problem)}"><code>${escapeHtml(shown)}</code> <span class="math-error-reason">${escapeHtml(problem)}</span></span>`;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Index of the closing delimiter, skipping backslash-escaped dollars, or -1. */
function findClose(src: string, from: number, delimiter: string): number {
  let at = src.indexOf(delimiter, from);
  while (at !== -1) {
    let slashes = 0;
    for (let p = at - 1; p >= from && src.charCodeAt(p) === 0x5c; p--) slashes++;
    if (slashes % 2 === 0) return at;
    at = src.indexOf(delimiter, at + 1);
  }
  return -1;
}

/**
 * `$...$` inline and `$$...$$` within a line. Pandoc's rule keeps prices
 * safe: no space just inside the dollars, and no digit right after the
 * closing one ("costs $5 and $10" stays text).
 */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const width = display ? 2 : 1;
  const start = pos + width;
  if (start >= state.posMax) return false;
  if (!display && isSpace(src.charCodeAt(start))) return false;
  const end = findClose(src, start, display ? '$$' : '$');
  if (end === -1 || end === start || end >= state.posMax) return false;
  if (!display && (isSpace(src.charCodeAt(end - 1)) || isDigit(src.charCodeAt(end + 1)))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_inline_display' : 'math_inline', 'math', 0);
    token.markup = display ? '$$' : '$';
    token.content = src.slice(start, end);
  }
  state.pos = end + width;
  return true;
}

/** A `$$` block over one or more lines. Unterminated, it stays a paragraph. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const begin = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number);
  const max = state.eMarks[startLine] as number;
  if ((state.sCount[startLine] as number) - state.blkIndent >= 4) return false;
  if (begin + 2 > max || state.src.slice(begin, begin + 2) !== '$$') return false;

  let first = state.src.slice(begin + 2, max).trim();
  let last = '';
  let line = startLine;
  let closed = false;
  if (first.endsWith('$$')) {
    first = first.slice(0, -2);
    closed = true;
  }
  while (!closed) {
    line++;
    if (line >= endLine) break;
    const from = (state.bMarks[line] as number) + (state.tShift[line] as number);
    const to = state.eMarks[line] as number;
    if (from < to && (state.sCount[line] as number) < state.blkIndent) break;
    const text = state.src.slice(from, to).trim();
    if (text.endsWith('$$')) {
      last = text.slice(0, -2);
      closed = true;
    }
  }
  if (!closed) return false;
  if (silent) return true;

  const middle = line > startLine + 1 ? state.getLines(startLine + 1, line, state.tShift[startLine] as number, true) : '';
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = [first, middle.trimEnd(), last].filter((p) => p.trim() !== '').join('\n');
  token.markup = '$$';
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/** Adds TeX math to markdown-it, rendered by KaTeX. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules['math_inline'] = (tokens, idx) => renderTex(tokens[idx]?.content ?? '', false);
  md.renderer.rules['math_inline_display'] = (tokens, idx) => renderTex(tokens[idx]?.content ?? '', true);
  md.renderer.rules['math_block'] = (tokens, idx) => `<div class="math-block">${renderTex(tokens[idx]?.content ?? '', true)}</div>\n`;
}
