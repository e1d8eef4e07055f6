/**
 * Lowercase, accent-folded text for matching and sorting: "Gödel" and
 * "Godel" compare equal, so a researcher typing without accents still finds
 * the paper. Letters that NFD does not decompose get an explicit mapping.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;
const SPECIAL_LETTERS = /[ßæœøłđðþı]/g;
const SPECIAL_MAP: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i',
};

export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most metadata is ASCII: skip the costly normalisation for it.
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL_LETTERS, (c) => SPECIAL_MAP[c] ?? c);
}

/** Whitespace-separated, folded, non-empty terms of a query. */
export function queryTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter((t) => t.length > 0);
}
