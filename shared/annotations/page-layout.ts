/**
 * A page's text with where each character sits: pdf.js text pieces (getTextContent items, each a run of glyphs
 * with its text matrix, advance width and font height) joined into the page text exactly as the full-text
 * cache holds it, with a map from every character of that text back to its piece. Re-anchoring computes a
 * highlight's quads from it, and an area's text comes from the characters inside its rectangle.
 */

/** The most characters of one page's text, as the full-text cache bounds it. */
export const MAX_PAGE_CHARS = 100_000;

/** One pdf.js text item, with what is needed of its font (ascent and descent as fractions of the height). */
export interface TextRun {
  str: string;
  hasEOL?: boolean;
  /** [a, b, c, d, e, f]: the glyphs' text matrix times the page's, in PDF user space; (e, f) is the origin on the baseline. */
  transform?: readonly number[];
  /** Advance of the whole run along the baseline, in user space. */
  width?: number;
  /** The font's size in user space. */
  height?: number;
  ascent?: number;
  descent?: number;
}

export interface PageLayout {
  /** The page text, the same string the full-text cache holds for the page. */
  text: string;
  runs: readonly TextRun[];
  /** For each character of `text`: the run it comes from, -1 for a line break that joining added. */
  runOf: Int32Array;
  /** For each character of `text`: its index in its run's `str`. */
  charOf: Int32Array;
}

/** Rewrites `text` where `re` matches, keeping for each match only the slices `keep` names (offsets within the match). */
function rewrite(text: string, map: number[], re: RegExp, keep: (m: RegExpExecArray) => Array<[number, number]>): { text: string; map: number[] } {
  let out = '';
  const outMap: number[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out += text.slice(last, m.index);
    for (let i = last; i < m.index; i++) outMap.push(map[i]!);
    for (const [from, to] of keep(m)) {
      out += text.slice(m.index + from, m.index + to);
      for (let i = m.index + from; i < m.index + to; i++) outMap.push(map[i]!);
    }
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  for (let i = last; i < text.length; i++) outMap.push(map[i]!);
  return { text: out, map: outMap };
}

/**
 * Joins pdf.js text pieces the way they read: a line break where pdf.js saw one, hyphenated line ends mended,
 * spaces around a line break dropped; at most MAX_PAGE_CHARS characters. Each character keeps where it came from.
 */
export function layoutPage(runs: readonly TextRun[]): PageLayout {
  let raw = '';
  // Position code: run * 2^20 + char (a run's str is far shorter than 2^20 after the cap), -1 for an added break.
  const map: number[] = [];
  runs.forEach((run, r) => {
    if (raw.length > MAX_PAGE_CHARS) return;
    raw += run.str;
    for (let c = 0; c < run.str.length; c++) map.push(r * 0x100000 + Math.min(c, 0xfffff));
    if (run.hasEOL) {
      raw += '\n';
      map.push(-1);
    }
  });
  const mended = rewrite(raw, map, /(\p{L})-\n(\p{Ll})/gu, (m) => [[0, m[1]!.length], [m[1]!.length + 2, m[0].length]]);
  const tidy = rewrite(mended.text, mended.map, /[ \t]*\n[ \t]*/g, (m) => [[m[0].indexOf('\n'), m[0].indexOf('\n') + 1]]);
  const text = tidy.text.slice(0, MAX_PAGE_CHARS);
  const runOf = new Int32Array(text.length);
  const charOf = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = tidy.map[i]!;
    runOf[i] = code < 0 ? -1 : Math.floor(code / 0x100000);
    charOf[i] = code < 0 ? -1 : code % 0x100000;
  }
  return { text, runs, runOf, charOf };
}

/** The page text alone (what the full-text cache stores). */
export function joinTextPieces(runs: readonly TextRun[]): string {
  return layoutPage(runs).text;
}
