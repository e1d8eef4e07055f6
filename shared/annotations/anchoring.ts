import { approximateMatches } from './approximate-match.ts';
import { foldText, originalRange, type FoldedText } from './text-normalise.ts';

/**
 * Anchoring annotations by quote plus position, the way Hypothesis does it. An annotation remembers its quoted
 * text, a little page text before and after it, and where it was (page, offset in the page's extracted text).
 * When the PDF is replaced, the quote is looked for again in the new page texts:
 *  1. exactly, on the old page, with the same context: the usual case of an unchanged page;
 *  2. exactly, anywhere, the context and the distance from the old place choosing among repeats;
 *  3. folded (case, accents, ligatures, quotes, hyphenation and whitespace ignored), ranked the same way;
 *  4. approximately, at most one edit in eight characters, within three pages of the old one, for a word that
 *     changed between versions.
 * Nothing found: null, and the annotation is orphaned (kept with its text and comment, never dropped).
 */

/** Characters of context kept before and after a quote. */
export const CONTEXT_CHARS = 32;
/** A quote shorter than this (folded) is matched exactly or folded only: approximate matches of it mean little. */
const MIN_APPROXIMATE_CHARS = 12;
/** Longer quotes are matched exactly or folded only, which bounds the approximate search. */
const MAX_APPROXIMATE_CHARS = 2_000;
/** At most one edit per this many characters of the quote. */
const CHARS_PER_EDIT = 8;
/** Approximate matches are looked for this many pages before and after the old page, no further. */
const APPROXIMATE_PAGE_SPAN = 3;
/** Occurrences of a quote ranked per search, so a quote that is everywhere stays cheap. */
const MAX_OCCURRENCES = 5_000;
/** Cells of approximate matching one annotation may use over all pages. */
const MAX_APPROXIMATE_CELLS = 20_000_000;

/** What an annotation remembers of its place. */
export interface QuoteSelector {
  text: string;
  prefix: string;
  suffix: string;
  /** Offset of the quote in the page's text; -1 when unknown. */
  textOffset: number;
  pageIndex: number;
}

export type AnchorMethod = 'exact' | 'folded' | 'approximate' | 'position';

export interface Anchor {
  pageIndex: number;
  /** -1 for an annotation without text, kept on its page by position. */
  textOffset: number;
  /** The quote as the new page has it, and its new context. */
  text: string;
  prefix: string;
  suffix: string;
  /** 1 for an exact match in the same context, lower as the match gets looser. */
  confidence: number;
  method: AnchorMethod;
}

/** The selector of page text [start, end): what the reader stores when the user highlights a selection. */
export function selectorAt(pageText: string, start: number, end: number): Omit<QuoteSelector, 'pageIndex'> {
  const from = Math.max(0, Math.min(start, pageText.length));
  const to = Math.max(from, Math.min(end, pageText.length));
  return {
    text: pageText.slice(from, to),
    prefix: pageText.slice(Math.max(0, from - CONTEXT_CHARS), from),
    suffix: pageText.slice(to, to + CONTEXT_CHARS),
    textOffset: from,
  };
}

/**
 * The selector of a selected string on a page whose text is known: the selection as the reader's text layer
 * gives it may differ in whitespace or hyphenation, so it is looked for exactly, then folded, nearest to
 * `hintOffset`. Null when the page text does not hold it.
 */
export function selectorFor(pageText: string, selected: string, hintOffset = -1): Omit<QuoteSelector, 'pageIndex'> | null {
  const page = new PageText(pageText);
  const hit = nearest(page.exact(selected), hintOffset) ?? nearest(page.folded(foldText(selected).text), hintOffset);
  return hit ? selectorAt(pageText, hit[0], hit[1]) : null;
}

function nearest(ranges: Array<[number, number]>, hint: number): [number, number] | null {
  let best: [number, number] | null = null;
  for (const r of ranges) if (!best || Math.abs(r[0] - hint) < Math.abs(best[0] - hint)) best = r;
  return best;
}

/** One page's text, with its folded form made on first use. */
class PageText {
  readonly raw: string;
  private foldedText: FoldedText | null = null;

  constructor(raw: string) {
    this.raw = raw;
  }

  get fold(): FoldedText {
    this.foldedText ??= foldText(this.raw);
    return this.foldedText;
  }

  /** Original ranges of every exact occurrence. */
  exact(quote: string, limit = MAX_OCCURRENCES): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    if (quote.length === 0) return found;
    for (let at = this.raw.indexOf(quote); at !== -1 && found.length < limit; at = this.raw.indexOf(quote, at + 1)) found.push([at, at + quote.length]);
    return found;
  }

  /** Original ranges of every occurrence of a folded quote in the folded page. */
  folded(foldedQuote: string, limit = MAX_OCCURRENCES): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    if (foldedQuote.length === 0) return found;
    const text = this.fold.text;
    for (let at = text.indexOf(foldedQuote); at !== -1 && found.length < limit; at = text.indexOf(foldedQuote, at + 1)) {
      found.push(originalRange(this.fold, this.raw, at, at + foldedQuote.length));
    }
    return found;
  }
}

/** Length of the common end of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

interface Candidate {
  pageIndex: number;
  range: [number, number];
  score: number;
}

/** Re-anchors annotations in one set of page texts; folded pages are made once and shared by every annotation. */
export class Anchorer {
  private readonly pages: PageText[];

  constructor(pageTexts: readonly string[]) {
    this.pages = pageTexts.map((t) => new PageText(t));
  }

  anchor(selector: QuoteSelector): Anchor | null {
    const foldedQuote = foldText(selector.text).text;
    if (foldedQuote.length === 0) {
      // A note or area without text keeps its place when the page is still there.
      if (selector.pageIndex >= this.pages.length) return null;
      return { pageIndex: selector.pageIndex, textOffset: -1, text: selector.text, prefix: '', suffix: '', confidence: 0.5, method: 'position' };
    }
    const context = { prefix: foldText(selector.prefix).text, suffix: foldText(selector.suffix).text };

    const old = this.pages[selector.pageIndex];
    if (old) {
      const here = old.exact(selector.text).map((range) => this.candidate(selector, context, selector.pageIndex, range));
      const sure = here.filter((c) => this.contextOf(context, c.pageIndex, c.range) === 1);
      const pick = best(sure);
      if (pick) return this.result(pick, 1, 'exact');
    }

    const exact = best(this.everyPage(selector, (page, i) => page.exact(selector.text).map((range) => this.candidate(selector, context, i, range))));
    if (exact) return this.result(exact, 0.7 + 0.3 * this.contextOf(context, exact.pageIndex, exact.range), 'exact');

    const folded = best(this.everyPage(selector, (page, i) => page.folded(foldedQuote).map((range) => this.candidate(selector, context, i, range))));
    if (folded) return this.result(folded, 0.6 + 0.3 * this.contextOf(context, folded.pageIndex, folded.range), 'folded');

    return this.approximate(selector, context, foldedQuote);
  }

  private approximate(selector: QuoteSelector, context: { prefix: string; suffix: string }, foldedQuote: string): Anchor | null {
    const m = foldedQuote.length;
    if (m < MIN_APPROXIMATE_CHARS || m > MAX_APPROXIMATE_CHARS) return null;
    const budget = Math.floor(m / CHARS_PER_EDIT);
    // Pages nearest the old one first, so the cell budget is spent where the quote most likely is.
    const order = this.byDistance(selector.pageIndex).filter((i) => Math.abs(i - selector.pageIndex) <= APPROXIMATE_PAGE_SPAN);
    let cellsLeft = MAX_APPROXIMATE_CELLS;
    let pick: { candidate: Candidate; distance: number } | null = null;
    for (const i of order) {
      if (cellsLeft <= 0) break;
      const page = this.pages[i]!;
      const { matches, cells } = approximateMatches(page.fold.text, foldedQuote, budget, cellsLeft);
      cellsLeft -= cells;
      for (const match of matches) {
        const candidate = this.candidate(selector, context, i, originalRange(page.fold, page.raw, match.start, match.end));
        candidate.score -= (3 * match.distance) / m;
        if (!pick || candidate.score > pick.candidate.score) pick = { candidate, distance: match.distance };
      }
    }
    if (!pick) return null;
    return this.result(pick.candidate, 0.8 * (1 - pick.distance / m), 'approximate');
  }

  /** Candidates over every page, nearest the old page first, so the occurrence cap drops only far ones. */
  private everyPage(selector: QuoteSelector, find: (page: PageText, index: number) => Candidate[]): Candidate[] {
    const all: Candidate[] = [];
    for (const i of this.byDistance(selector.pageIndex)) {
      if (all.length >= MAX_OCCURRENCES) break;
      all.push(...find(this.pages[i]!, i));
    }
    return all;
  }

  /** Page indices, nearest `pageIndex` first. */
  private byDistance(pageIndex: number): number[] {
    return this.pages.map((_, i) => i).sort((a, b) => Math.abs(a - pageIndex) - Math.abs(b - pageIndex) || a - b);
  }

  /** How much of the remembered context surrounds the range, 0 to 1; 0 when nothing was remembered. */
  private contextOf(context: { prefix: string; suffix: string }, pageIndex: number, [start, end]: [number, number]): number {
    const total = context.prefix.length + context.suffix.length;
    if (total === 0) return 0;
    const raw = this.pages[pageIndex]!.raw;
    const before = foldText(raw.slice(Math.max(0, start - 2 * CONTEXT_CHARS - 8), start)).text;
    const after = foldText(raw.slice(end, end + 2 * CONTEXT_CHARS + 8)).text;
    // Folding drops whitespace at both ends, so the remembered context and the page's text fold alike.
    const same = Math.min(commonSuffix(before, context.prefix), context.prefix.length) + Math.min(commonPrefix(after, context.suffix), context.suffix.length);
    return same / total;
  }

  private candidate(selector: QuoteSelector, context: { prefix: string; suffix: string }, pageIndex: number, range: [number, number]): Candidate {
    const pageLength = Math.max(1, this.pages[pageIndex]!.raw.length);
    const position = pageIndex === selector.pageIndex
      ? 1 - (selector.textOffset < 0 ? 0 : Math.min(1, Math.abs(range[0] - selector.textOffset) / pageLength))
      : 0.5 / (1 + Math.abs(pageIndex - selector.pageIndex));
    return { pageIndex, range, score: 2 * this.contextOf(context, pageIndex, range) + position };
  }

  private result(candidate: Candidate, confidence: number, method: AnchorMethod): Anchor {
    const selector = selectorAt(this.pages[candidate.pageIndex]!.raw, candidate.range[0], candidate.range[1]);
    return { pageIndex: candidate.pageIndex, ...selector, confidence: Math.round(confidence * 1000) / 1000, method };
  }
}

function best(candidates: readonly Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

/** Anchors one annotation in a set of page texts; for many, make one Anchorer and reuse it. */
export function anchorQuote(pageTexts: readonly string[], selector: QuoteSelector): Anchor | null {
  return new Anchorer(pageTexts).anchor(selector);
}
