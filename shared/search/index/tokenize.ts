import { foldText } from '../fold-text.ts';

/**
 * How text becomes index terms, shared by the indexer and the query parser so both cut words the same way:
 * accent-folded lower case, split on anything that is not a letter or digit; runs of CJK ideographs and kana
 * (written without spaces) become overlapping two-character terms, so a word inside a run is found.
 */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const SPLIT = /[^\p{L}\p{N}]+/u;
/** Longer "words" are noise (base64, hashes): not indexed. */
const MAX_TERM = 40;

/** Folded text with every run of non-word characters as one space: what phrases are matched against. */
export function normalizeText(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function pushCjkTerms(run: string, out: string[]): void {
  if (run.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
}

/** Terms of already-normalised text, in order (duplicates kept: their count is the term frequency). */
export function termsOfNormalized(normalized: string, out: string[] = []): string[] {
  for (const word of normalized.split(SPLIT)) {
    if (word.length === 0 || word.length > MAX_TERM) continue;
    if (!CJK.test(word)) {
      out.push(word);
      continue;
    }
    let run = '';
    let plain = '';
    for (const ch of word) {
      if (CJK.test(ch)) {
        if (plain) { out.push(plain); plain = ''; }
        run += ch;
      } else {
        if (run) { pushCjkTerms(run, out); run = ''; }
        plain += ch;
      }
    }
    if (run) pushCjkTerms(run, out);
    if (plain) out.push(plain);
  }
  return out;
}

/** What a UTF-16 unit is to the scanner: a separator, part of a word, or a CJK character (a word of its own kind). */
const SEPARATOR = 0;
const WORD = 1;
const CJK_CHAR = 2;
/** Per BMP code unit, classified once by the same Unicode classes as SPLIT and CJK (0xff: not yet). */
const kinds = new Uint8Array(0x10000).fill(0xff);
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD : SEPARATOR));

function kindOf(code: number): number {
  let k = kinds[code] as number;
  if (k === 0xff) {
    const ch = String.fromCharCode(code);
    k = CJK.test(ch) ? CJK_CHAR : WORD_CHAR.test(ch) ? WORD : SEPARATOR;
    kinds[code] = k;
  }
  return k;
}

/**
 * The terms of `text`, exactly as `termsOfNormalized(normalizeText(text))` gives them, in one pass over the folded
 * text: no normalised copy, no split array, a table look-up per character. Index builds spend most of their time
 * here, so it matters (docs/search.md).
 */
export function termsOf(text: string, out: string[] = []): string[] {
  const folded = foldText(text);
  const n = folded.length;
  let start = -1;
  let cjk = false;
  for (let i = 0; i < n; i++) {
    const code = folded.charCodeAt(i);
    let kind: number;
    let width = 1;
    if (code < 128) kind = ASCII_KINDS[code] as number;
    else if (code < 0xd800 || code > 0xdfff) kind = kindOf(code);
    else {
      // Astral letters (rare) go through the regex; a lone surrogate is a separator, as the regex has it.
      const cp = folded.codePointAt(i) as number;
      if (cp > 0xffff) width = 2;
      kind = cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? WORD : SEPARATOR;
    }
    if (kind !== SEPARATOR) {
      if (start < 0) start = i;
      if (kind === CJK_CHAR) cjk = true;
    } else if (start >= 0) {
      emit(folded, start, i, cjk, out);
      start = -1;
      cjk = false;
    }
    i += width - 1;
  }
  if (start >= 0) emit(folded, start, n, cjk, out);
  return out;
}

function emit(folded: string, start: number, end: number, cjk: boolean, out: string[]): void {
  if (end - start > MAX_TERM) return;
  const word = folded.slice(start, end);
  if (cjk) termsOfNormalized(word, out);
  else out.push(word);
}

