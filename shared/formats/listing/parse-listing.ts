import type { ListingParseResult, SourceLine } from './listing-types.ts';
import { isArxivListing, parseArxivListing } from './parse-arxiv-listing.ts';
import { parsePaperCards } from './parse-paper-cards.ts';

export function splitSourceLines(text: string): SourceLine[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((t, i) => ({ n: i + 1, text: t }));
}

/**
 * Turns text copied from a Hugging Face Papers page, an arXiv listing or an arXiv abstract page
 * into one entry per paper; page chrome comes back in `ignored` with the reason.
 */
export function parseListing(text: string): ListingParseResult {
  const lines = splitSourceLines(text);
  return isArxivListing(lines) ? parseArxivListing(lines) : parsePaperCards(lines);
}

/** True when `text` reads as a paper listing rather than BibTeX, RIS or JSON. */
export function looksLikeListing(text: string): boolean {
  const head = text.slice(0, 4000).replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(head)) return false;
  if (/^\s*@[a-z]+\s*[{(]/im.test(head) || /^(?:TY|ER) {1,2}-/m.test(head)) return false;
  return parseListing(text).entries.length > 0;
}
