import type { PDFDocumentProxy } from './pdfjs.ts';

/** Where an internal link leads: a page and, when the destination names one, a height on it (PDF y). */
export interface LinkTarget {
  pageIndex: number;
  y: number | null;
  x: number | null;
}

/** pdf.js writes an internal link's destination into its href: `#<escaped name>` or `#<escaped JSON array>`. */
export function destinationFromHref(href: string): string | unknown[] | null {
  if (!href.startsWith('#') || href.length < 2) return null;
  let text: string;
  try {
    text = decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  // "page=3" and other viewer parameters are not destinations.
  return text.includes('=') ? null : text;
}

/** Resolves a destination to its page and point; null when the document does not know it. */
export async function resolveDestination(doc: PDFDocumentProxy, dest: string | unknown[]): Promise<LinkTarget | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest).catch(() => null) : dest;
  if (!Array.isArray(explicit) || explicit.length < 2) return null;
  const [ref, kind] = explicit as [unknown, { name?: string } | undefined, ...unknown[]];
  let pageIndex: number;
  if (typeof ref === 'number' && Number.isInteger(ref)) pageIndex = ref;
  else if (ref && typeof ref === 'object') {
    try {
      pageIndex = await doc.getPageIndex(ref as { num: number; gen: number });
    } catch {
      return null;
    }
  } else return null;
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const name = kind?.name;
  if (name === 'XYZ') return { pageIndex, x: num(explicit[2]), y: num(explicit[3]) };
  if (name === 'FitH' || name === 'FitBH') return { pageIndex, x: null, y: num(explicit[2]) };
  if (name === 'FitR') return { pageIndex, x: num(explicit[2]), y: num(explicit[5]) };
  return { pageIndex, x: null, y: null };
}

interface TextItemLike {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/**
 * The text that starts at a destination: the lines just below its y (a reference entry, a caption),
 * at most `maxChars`. Items are taken in reading order from the first line at or under y.
 */
export function textBelow(items: readonly TextItemLike[], y: number | null, maxChars = 400): string {
  const top = y ?? Number.POSITIVE_INFINITY;
  let out = '';
  let started = false;
  for (const item of items) {
    const itemY = item.transform[5] ?? 0;
    if (!started && itemY > top + 2) continue;
    started = true;
    out += item.str + (item.hasEOL ? ' ' : '');
    if (out.length >= maxChars) break;
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, maxChars);
}
