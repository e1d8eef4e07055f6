/**
 * Text folded for matching a quote against page text that was extracted differently: another PDF version,
 * another extractor, another line breaking. The folded text keeps, for every character, where it came from in
 * the original, so a match in folded text maps back to original offsets.
 *
 * Folding: case folded; accents and other combining marks dropped; ligatures and compatibility forms expanded
 * (NFKD); curly quotes made straight; hyphens and dashes dropped, with the line break after a hyphen (so
 * "trans-\nformer" and "transformer" fold alike); runs of whitespace become one space; soft hyphens and
 * zero-width characters dropped.
 */

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each character of `text`, the offset in the original string it came from. */
  origin: Int32Array;
}

const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00ad', '\ufe63', '\uff0d']);
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const QUOTES: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
};
const COMBINING = /\p{M}/gu;

function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code <= 0x20) return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
  return code >= 0x80 && c.length === 1 && /\s/.test(c);
}

function foldChar(c: string): string {
  if (c.length === 1 && c.charCodeAt(0) < 0x80) return c.toLowerCase();
  const quote = QUOTES[c];
  if (quote !== undefined) return quote;
  return c.normalize('NFKD').replace(COMBINING, '').toLowerCase();
}

export function foldText(input: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < input.length) {
    const code = input.codePointAt(i) ?? 0;
    const c = String.fromCodePoint(code);
    const width = c.length;
    if (HYPHENS.has(c)) {
      // A hyphen and the whitespace after it at a line end: the word continues on the next line.
      let j = i + width;
      let sawBreak = false;
      while (j < input.length && isSpace(input[j]!)) {
        if (input[j] === '\n' || input[j] === '\r') sawBreak = true;
        j++;
      }
      i = sawBreak ? j : i + width;
      continue;
    }
    if (INVISIBLE.has(c)) {
      i += width;
      continue;
    }
    if (isSpace(c)) {
      if (pendingSpace < 0 && text.length > 0) pendingSpace = i;
      i += width;
      continue;
    }
    const folded = foldChar(c);
    if (folded.length > 0) {
      if (pendingSpace >= 0) {
        text += ' ';
        origin.push(pendingSpace);
        pendingSpace = -1;
      }
      for (const f of folded) {
        if (isSpace(f)) continue;
        text += f;
        for (let k = 0; k < f.length; k++) origin.push(i);
      }
    }
    i += width;
  }
  return { text, origin: Int32Array.from(origin) };
}

/** The original [start, end) of the folded range [start, end) of `original`. */
export function originalRange(folded: FoldedText, original: string, start: number, end: number): [number, number] {
  const from = start < folded.origin.length ? folded.origin[start]! : original.length;
  if (end <= start) return [from, from];
  const last = folded.origin[end - 1]!;
  // The last folded character may come from a surrogate pair: end after both halves.
  const code = original.codePointAt(last) ?? 0;
  return [from, last + (code > 0xffff ? 2 : 1)];
}
