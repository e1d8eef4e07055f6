import { foldText } from './fold-text.ts';

/** A half-open range [start, end) of the original text's UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/**
 * The text folded as the index folds it, with the original offset each folded character came from: folding drops
 * combining marks and may turn one letter into two (ß -> ss), so folded offsets are not the text's.
 */
function foldWithOffsets(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is folded (lower-cased) as one character.
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const piece = foldText(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) {
      folded += piece[k] as string;
      origin.push(i);
    }
    i += width - 1;
  }
  origin.push(text.length);
  return { folded, origin };
}

/**
 * Where the matched terms sit in `text`, for marking them: accent-blind and case-blind, each term at the start of a
 * word (a term the index expanded a prefix or a typo into is a whole index word, so it marks the word it names or the
 * beginning of a longer one). CJK terms (two-character pieces of a run) match anywhere. Ranges are sorted and merged.
 * Pure: the window builds marked text from these offsets, never from HTML.
 */
export function highlightRanges(text: string, terms: readonly string[]): TextRange[] {
  const wanted = [...new Set(terms.map((t) => foldText(t)).filter((t) => t.length > 0))];
  if (text.length === 0 || wanted.length === 0) return [];
  const { folded, origin } = foldWithOffsets(text);
  const found: TextRange[] = [];
  for (const term of wanted) {
    const anywhere = CJK.test(term[0] as string);
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      if (!anywhere && at > 0 && WORD_CHAR.test(folded[at - 1] as string)) continue;
      const start = origin[at] as number;
      // The end is the original character after the last folded one: "ß" folded to "ss" is marked whole.
      const lastOrigin = origin[at + term.length - 1] as number;
      let end = lastOrigin + 1;
      // Combining marks after the last letter belong to it.
      while (end < text.length && /\p{M}/u.test(text[end] as string)) end++;
      found.push({ start, end: Math.max(end, start + 1) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** The text cut into plain and marked pieces, in order: what a view renders as text nodes and <mark> elements. */
export function highlightPieces(text: string, terms: readonly string[]): Array<{ text: string; marked: boolean }> {
  const out: Array<{ text: string; marked: boolean }> = [];
  let from = 0;
  for (const r of highlightRanges(text, terms)) {
    if (r.start > from) out.push({ text: text.slice(from, r.start), marked: false });
    out.push({ text: text.slice(r.start, r.end), marked: true });
    from = r.end;
  }
  if (from < text.length) out.push({ text: text.slice(from), marked: false });
  return out;
}
