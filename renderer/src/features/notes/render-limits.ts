/**
 * Bounds on what a note's Preview hands to markdown-it and KaTeX. Notes are
 * untrusted text: KaTeX recurses once per group, so deep nesting overflows the
 * stack, and its layout time grows faster than the formula's length. Past
 * these bounds a formula is shown as its source with the reason instead.
 */
export const MAX_FORMULA_CHARS = 4000;
export const MAX_FORMULA_DEPTH = 64;
/** markdown-it is linear on ordinary text but slow on pathological runs: Preview renders this much at most. */
export const MAX_PREVIEW_CHARS = 100_000;

const OPENERS = ['\\left', '\\begin'];
const CLOSERS = ['\\right', '\\end'];

const startsAt = (src: string, at: number, words: readonly string[]): number => {
  for (const w of words) {
    // `\leftarrow` and `\endgroup` are commands of their own, not delimiters.
    if (src.startsWith(w, at) && !/[a-zA-Z]/.test(src.charAt(at + w.length))) return w.length;
  }
  return 0;
};

/** The deepest nesting of `{…}`, `\left…\right` and `\begin…\end` in a formula (escaped braces do not count). */
export function texNestingDepth(tex: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex.charCodeAt(i);
    if (c === 0x5c) {
      const open = startsAt(tex, i, OPENERS);
      const close = open ? 0 : startsAt(tex, i, CLOSERS);
      if (open) deepest = Math.max(deepest, ++depth);
      else if (close) depth = Math.max(0, depth - 1);
      // Past the command name, or past the escaped character (`\{` opens nothing).
      const word = open || close;
      i += word > 0 ? word - 1 : 1;
    } else if (c === 0x7b) {
      deepest = Math.max(deepest, ++depth);
    } else if (c === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** Why a formula is not rendered, or null when KaTeX may try it. */
export function texProblem(tex: string): string | null {
  const depth = texNestingDepth(tex);
  if (depth > MAX_FORMULA_DEPTH) return `Formula not rendered: nested ${depth.toLocaleString('en')} levels deep, more than ${MAX_FORMULA_DEPTH}.`;
  if (tex.length > MAX_FORMULA_CHARS) {
    return `Formula not rendered: ${tex.length.toLocaleString('en')} characters, more than ${MAX_FORMULA_CHARS.toLocaleString('en')}.`;
  }
  return null;
}

export interface ClippedText {
  text: string;
  /** The length of the whole text, when `text` is only its beginning. */
  clippedFrom: number | null;
}

/** The first `max` characters of a text, cut at a line end where one is near, so Markdown blocks stay whole. */
export function clipText(source: string, max: number): ClippedText {
  if (source.length <= max) return { text: source, clippedFrom: null };
  const lineEnd = source.lastIndexOf('\n', max);
  const cut = lineEnd > max * 0.8 ? lineEnd : max;
  return { text: source.slice(0, cut), clippedFrom: source.length };
}
