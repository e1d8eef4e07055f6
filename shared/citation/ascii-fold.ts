/** Letters that Unicode decomposition does not reduce to ASCII. */
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ȷ: 'j', ŋ: 'ng', Ŋ: 'NG', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T',
};
const FOLDABLE = /[ßẞøØæÆœŒłŁđĐðÐþÞıȷŋŊħĦŧŦ]/g;
const MARKS = /\p{M}+/gu;

/**
 * Latin letters with accents to plain ASCII (é -> e, ß -> ss, ø -> o).
 * Letters of other scripts (Cyrillic, CJK, Greek) are left as they are;
 * keyAlnum drops them.
 */
export function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch);
}

/** Only ASCII letters and digits: what a generated key part may hold. */
export function keyAlnum(text: string): string {
  return asciiFold(text).replace(/[^A-Za-z0-9]/g, '');
}
