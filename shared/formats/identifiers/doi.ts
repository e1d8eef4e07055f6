import { parseArxivId, type ArxivId } from './arxiv-id.ts';

/**
 * DOIs: `10.<registrant>/<suffix>`. The registrant code is at least four digits (`10.1145`, `10.48550`),
 * which is what keeps version numbers and decimals from looking like DOIs.
 */

/** Characters that can never be part of a DOI as written in running text. */
export const DOI_BODY = String.raw`10\.\d{4,9}(?:\.\d+)*\/[^\s"<>{}|\\^\u0060]+`;

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/**
 * Drops punctuation that ends the sentence rather than the identifier: `.`, `,`, `;`, quotes,
 * and a closing bracket that has no opening partner inside (DOIs like `10.1016/S0140-6736(20)30183-5` keep theirs).
 */
export function trimTrailingPunctuation(text: string): string {
  let s = text;
  for (;;) {
    const last = s.at(-1);
    if (last === undefined) return s;
    if ('.,;:!?\'"*'.includes(last)) {
      s = s.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener !== undefined && count(s, last) > count(s, opener)) {
      s = s.slice(0, -1);
      continue;
    }
    return s;
  }
}

const DOI_AT_START = new RegExp(`^${DOI_BODY}`);

/** Case-folded, prefix-free DOI (`10.1145/3442188.3445922`); null when the text holds no DOI. */
export function normalizeDoi(text: string): string | null {
  let s = text.trim();
  if (!s.startsWith('10.')) s = s.replace(/^(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\//i, '').replace(/^doi\s*:?\s*/i, '');
  if (s.includes('%')) {
    try {
      s = decodeURIComponent(s);
    } catch {
      // A stray % is kept as written.
    }
  }
  const m = DOI_AT_START.exec(s);
  if (!m) return null;
  const doi = trimTrailingPunctuation(m[0]);
  return /^10\.\d{4,9}(?:\.\d+)*\/.+/.test(doi) ? doi.toLowerCase() : null;
}

/** The arXiv id inside a DataCite arXiv DOI (`10.48550/arXiv.1706.03762`), or null. */
export function arxivIdFromDoi(doi: string): ArxivId | null {
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
  return m ? parseArxivId(m[1]!) : null;
}
