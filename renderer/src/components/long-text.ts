/**
 * Chromium lays a 10 MB textarea out in over a minute (and a 10 MB div in
 * about as long), so a field longer than this is shown clipped, read-only,
 * and "show all" reveals it a page at a time.
 */
export const LONG_FIELD_CHARS = 100_000;
export const CLIPPED_CHARS = 2_000;
export const PAGE_CHARS = 100_000;

export const isLongText = (text: string): boolean => text.length > LONG_FIELD_CHARS;

/** The pages of a long text, the first `count` of them (each PAGE_CHARS long, the last shorter). */
export function textPages(text: string, count: number): string[] {
  const pages: string[] = [];
  for (let at = 0; at < text.length && pages.length < count; at += PAGE_CHARS) pages.push(text.slice(at, at + PAGE_CHARS));
  return pages;
}

export const charCount = (n: number): string => `${n.toLocaleString('en')} characters`;
