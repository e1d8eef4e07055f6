import { looksLikeAuthors, splitAuthors } from '../listing/line-kinds.ts';

/** The part of pdf.js's text item that the title guess reads. */
export interface PageTextItem {
  str: string;
  transform: number[];
}

interface Line {
  y: number;
  size: number;
  text: string;
}

const JUNK_TITLE = /^(untitled|microsoft word|layout \d|title)\b|\.(docx?|tex|dvi|pdf|indd)$/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "December 2, 2026", "2 December 2026", "2026-12-02", "December 2026": what \date and a preprint stamp print. */
const DATE_LINE = new RegExp(`^(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})$`, 'i');
const EMAIL = /\S+@\S+\.\S+/;
/** One name with initials, "A. Author" or "J. R. Smith": a byline, not a title. */
const BYLINE = /^(?:\p{Lu}\.\s*)+\p{Lu}[\p{L}'’-]+$/u;

/** A title from metadata (XMP, the info dictionary): a few words at least, not a tool's placeholder. */
export function plausibleTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  if (title.length < 8 || title.length > 400 || JUNK_TITLE.test(title) || !/\s/.test(title)) return undefined;
  return title;
}

/** Upright text only: an arXiv stamp runs up the margin and is never the title. */
function uprightSize(item: PageTextItem): number {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform;
  return Math.abs(b) < 0.01 && Math.abs(c) < 0.01 && a > 0 ? Math.abs(d) : 0;
}

/** Upright text of page 1 as lines, top to bottom, with the largest font size on each line. */
function pageLines(items: readonly PageTextItem[]): Line[] {
  const byY = new Map<number, PageTextItem[]>();
  for (const item of items) {
    if (item.str.trim() === '' || uprightSize(item) === 0) continue;
    const y = Math.round(item.transform[5] ?? 0);
    byY.set(y, [...(byY.get(y) ?? []), item]);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, parts]) => ({
      y,
      size: Math.max(...parts.map(uprightSize)),
      text: parts.sort((p, q) => (p.transform[4] ?? 0) - (q.transform[4] ?? 0)).map((p) => p.str.trim()).join(' ').replace(/\s+/g, ' '),
    }));
}

/** Runs of adjacent lines (top to bottom) set in `size`: a title is one run, never lines from two places. */
function runsOfSize(lines: readonly Line[], size: number): Line[][] {
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const line of lines) {
    if (Math.abs(line.size - size) <= 0.5) run.push(line);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The run read as a title: a one-word title ("Landscapes") only in the page's largest type; never a date, an address or a byline. */
function titleOfRun(run: readonly Line[], largest: boolean): string | undefined {
  const kept = run.filter((l) => !DATE_LINE.test(l.text) && !EMAIL.test(l.text));
  const text = kept.map((l) => l.text).join(' ').replace(/- (?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
  if (text === '' || looksLikeAuthors(text, 2) || BYLINE.test(text)) return undefined;
  if (largest && /^\p{Lu}[\p{L}\p{M}'’-]{3,39}$/u.test(text) && /\p{Ll}/u.test(text) && !JUNK_TITLE.test(text)) return text;
  return plausibleTitle(text);
}

/**
 * The title is the largest upright text of page 1 that reads like one (a few words, not a running head,
 * a byline or a date); the authors are the line below it when that line is a list of names.
 */
export function titleAndAuthorsFromPage(items: readonly PageTextItem[]): { title?: string; authors: string[] } {
  const lines = pageLines(items);
  const sizes = [...new Set(lines.map((l) => Math.round(l.size * 2) / 2))].sort((x, y) => y - x);
  for (const [rank, size] of sizes.slice(0, 4).entries()) {
    for (const run of runsOfSize(lines, size)) {
      const title = titleOfRun(run, rank === 0);
      if (!title) continue;
      const next = lines[lines.indexOf(run[run.length - 1]!) + 1]?.text ?? '';
      return { title, authors: looksLikeAuthors(next, 1) ? splitAuthors(next) : [] };
    }
  }
  return { authors: [] };
}
