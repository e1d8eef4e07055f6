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

export function termsOf(text: string): string[] {
  return termsOfNormalized(normalizeText(text));
}
