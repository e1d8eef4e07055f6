/**
 * Heuristics that tell page chrome, titles, author lists and abstracts apart in text copied
 * from a listing page. They look at the shape of a line, never at a particular page's words alone.
 */

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?`;
const DATE_PATTERNS = [
  new RegExp(String.raw`^(?:(?:published|submitted|updated|posted|announced)\s+(?:on\s+)?)?(?:${WEEKDAY}\s+)?${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?$`, 'i'),
  new RegExp(String.raw`^(?:(?:published|submitted|updated|posted|announced)\s+(?:on\s+)?)?(?:${WEEKDAY}\s+)?\d{1,2}\s+${MONTH}(?:,?\s+\d{4})?$`, 'i'),
  new RegExp(String.raw`^${MONTH}\s+\d{4}$`, 'i'),
  /^\d{4}-\d{2}-\d{2}$/,
  /^(?:today|yesterday|\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago)$/i,
];

/** Buttons, menus and calls to action of paper listing pages. */
const CHROME_WORDS = new Set([
  'new', 'subscribe', 'submitted by', 'upvote', 'upvoted', 'follow', 'share', 'copy link', 'daily papers', 'trending', 'papers', 'search',
  'sign up', 'log in', 'login', 'previous', 'next', 'load more', 'show more', 'read more', 'more', 'less', 'abstract',
  'pdf', 'html', 'code', 'github', 'project page', 'cite', 'bibtex', 'view pdf', 'view arxiv page', 'add to collection',
  'community', 'collections', 'models', 'datasets', 'spaces', 'comments', 'discussion', 'this week', 'this month',
  'submission history', 'download pdf', 'access paper:', 'other formats', 'references & citations', 'export bibtex citation',
  'bibliographic tools', 'code, data, media', 'demos', 'related papers', 'about arxivlabs', 'html (experimental)',
]);

const COUNT = /^(?:[·•|–—-]\s*)?[\d.,]+\s*[kKmM]?(?:\s+(?:authors?|comments?|upvotes?|likes?|votes?|models?|datasets?|spaces?|collections?|citations?|stars?|replies|views?))?\.?$/i;

/** Why `text` (trimmed, non-empty) is page chrome rather than part of a paper, or null when it may be content. */
export function chromeReason(text: string): string | null {
  const lower = text.toLowerCase();
  if (CHROME_WORDS.has(lower)) return 'page chrome';
  if (/^[\p{P}\p{S}\s]+$/u.test(text)) return 'punctuation';
  if (COUNT.test(text)) return 'count';
  if (DATE_PATTERNS.some((re) => re.test(text))) return 'date';
  if (/\bcit(?:ing|ed by) this paper\b|\bemail inbox\b|^get (?:trending|the latest|this paper)\b|^join the community\b/i.test(text)) return 'page chrome';
  // "byAK and the research community", "Submitted by akhaliq": a byline, short and without a title's colon.
  const byline = /^(?:submitted\s+)?by\s+\S/i.test(text) || /^by\p{Lu}/u.test(text);
  if (byline && !text.includes(':') && wordCount(text) <= 8) return 'byline';
  if (/^\[?v\d+\]?\s+\w{3},\s+\d{1,2}\s+\w{3}\s+\d{4}/.test(text) || /^\[submitted on\b/i.test(text) || /^from:\s/i.test(text)) return 'submission history';
  return null;
}

export function wordCount(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w) n++;
  return n;
}

/** Sentence boundaries: end punctuation, optional closing quote/bracket, space, capital or bracket. */
function sentenceBreaks(text: string): number {
  return text.match(/[.!?]["')\]]?\s+[\p{Lu}(]/gu)?.length ?? 0;
}

/**
 * An abstract-like paragraph: long, and either sentence-final or made of several sentences.
 * Titles run up to ~25 words (rarely 35), end without a period and hold at most one "? Subtitle" break.
 */
export function isProse(text: string): boolean {
  const words = wordCount(text);
  if (words < 12) return false;
  const terminal = /[.!…]["')\]]?$/.test(text);
  const breaks = sentenceBreaks(text);
  return (words >= 20 && (terminal || breaks >= 2)) || (words >= 25 && breaks >= 1) || words >= 36 || (terminal && breaks >= 1);
}

/** A line that is only a link or identifier: metadata, never a title. */
export function isLinkOnly(text: string): boolean {
  return /^(?:https?:\/\/|www\.|arxiv:|doi:)\S*$/i.test(text);
}

/** A single short-ish line without a final period: what a paper title looks like. */
export function isTitleLike(text: string): boolean {
  if (text.length < 2 || text.length > 300 || wordCount(text) > 35) return false;
  if (!/\p{L}/u.test(text) || isProse(text) || isLinkOnly(text)) return false;
  return !/(?:^|[^.])\.$/.test(text);
}

const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|van|von|de|der|den|del|della|di|da|du|le|la|dos|das|bin|al|ibn|y)$/u;

/** Splits an author list written as "A, B and C" or "A; B; C". */
export function splitAuthors(text: string): string[] {
  const body = text.replace(/^authors?\s*:\s*/i, '').replace(/\s*(?:,\s*)?\bet al\.?$/i, '');
  return body
    .split(/\s*(?:[,;]|\band\b|&)\s*/)
    .map((part) => part.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s*\d+(?:,\d+)*$/, '').trim())
    .filter((part) => part.length > 0);
}

/** "Authors: ...", or a list of (by default at least two) capitalised personal names. */
export function looksLikeAuthors(text: string, minNames = 2): boolean {
  if (/^authors?\s*:\s*\S/i.test(text)) return true;
  if (text.includes(':') || text.length > 2000) return false;
  const parts = splitAuthors(text);
  if (parts.length < minNames) return false;
  return parts.every((part) => {
    const tokens = part.split(/\s+/);
    return tokens.length >= 2 && tokens.length <= 5 && tokens.every((t) => NAME_TOKEN.test(t)) && tokens.some((t) => /\p{L}{2}/u.test(t));
  });
}
