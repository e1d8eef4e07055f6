/**
 * Where a quote sits in its page's text, and the words around it, for an annotation read from a PDF: the same
 * prefix / quote / suffix triple the reader stores for a highlight it makes, so both re-anchor alike.
 */

export const CONTEXT_CHARS = 32;

export interface QuoteContext {
  /** Offset of the quote in the page text, -1 when the quote is not in it. */
  offset: number;
  prefix: string;
  suffix: string;
}

/** Whitespace runs as one space, with the offset in `text` of each kept character. */
function squeezed(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (!space && chars.length > 0) {
        chars += ' ';
        at.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    chars += text[i];
    at.push(i);
  }
  return { chars, at };
}

/** A quote as it is stored: whitespace runs as one space, a word broken by a hyphen at a line end mended. */
export function cleanQuote(text: string): string {
  return text.replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ').trim();
}

/**
 * Finds `quote` in `pageText` ignoring differences in whitespace; of several matches, the one nearest to
 * `hint` (an approximate offset, -1 for none) wins.
 */
export function locateQuote(pageText: string, quote: string, hint = -1): QuoteContext {
  const wanted = squeezed(cleanQuote(quote)).chars;
  if (wanted === '') return { offset: -1, prefix: '', suffix: '' };
  const page = squeezed(pageText);
  let best = -1;
  for (let from = page.chars.indexOf(wanted); from >= 0; from = page.chars.indexOf(wanted, from + 1)) {
    if (best < 0 || Math.abs(page.at[from]! - hint) < Math.abs(page.at[best]! - hint)) best = from;
    if (hint < 0) break;
  }
  if (best < 0) return { offset: -1, prefix: '', suffix: '' };
  const start = page.at[best]!;
  const end = page.at[best + wanted.length - 1]! + 1;
  return {
    offset: start,
    prefix: pageText.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: pageText.slice(end, end + CONTEXT_CHARS),
  };
}
