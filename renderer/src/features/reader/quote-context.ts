/** Up to this many characters of page text on each side of a quote, to re-anchor it later. */
export const CONTEXT_CHARS = 32;

export interface QuoteContext {
  text: string;
  prefix: string;
  suffix: string;
  textOffset: number;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * The quote at [start, end) of the page text, with its prefix and suffix. Whitespace runs are
 * collapsed in all three, as the text layer splits lines and runs unpredictably; the offset is into
 * the page text as given (-1 when the range is not inside it).
 */
export function quoteContext(pageText: string, start: number, end: number): QuoteContext {
  if (start < 0 || end > pageText.length || end <= start) return { text: '', prefix: '', suffix: '', textOffset: -1 };
  const text = squash(pageText.slice(start, end)).trim();
  const prefix = squash(pageText.slice(Math.max(0, start - CONTEXT_CHARS * 2), start)).trimStart().slice(-CONTEXT_CHARS);
  const suffix = squash(pageText.slice(end, end + CONTEXT_CHARS * 2)).trimEnd().slice(0, CONTEXT_CHARS);
  return { text, prefix, suffix, textOffset: start };
}
