import { findIdentifiers, parseArxivId } from '../identifiers/index.ts';
import { chromeReason, isProse, isTitleLike, looksLikeAuthors, splitAuthors } from './line-kinds.ts';
import type { IgnoredLine, ListingEntry, ListingParseResult, SourceLine } from './listing-types.ts';

/** `[1] arXiv:2401.12345 [pdf, other]`, `arXiv:1706.03762 (cs)`, `arXiv:hep-th/9901001v2 ...` */
const ENTRY_START = /^\s*(?:\[\d+\]\s*)?arXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Za-z-]+)?\/\d{7}(?:v\d+)?)(?=\s|$)/i;
const FIELD = /^\s*(Title|Authors?|Abstract|Comments|Journal-ref|Subjects|DOI|Report-no|MSC-class|ACM-class|Cite as)\s*:\s*(.*)$/i;
const LISTING_CHROME = /^(?:(?:new|cross|replacement)(?:-list)?\s+submissions\b|showing\b|total of\b|authors and titles\b|titles and authors\b|\(showing \d+ of \d+ entries\s*\)|skip to main content$|help \| advanced search$|▽ more$|△ less$|submitted \d{1,2} \w+, \d{4}|originally announced\b)/i;

type FieldName = 'title' | 'authors' | 'abstract' | 'other';

interface Entry {
  start: SourceLine;
  arxivId?: string;
  title?: string;
  titleLine?: number;
  authors: string[];
  abstract: string[];
  other: string[];
}

function fieldName(label: string): FieldName {
  const l = label.toLowerCase();
  if (l === 'title') return 'title';
  if (l === 'author' || l === 'authors') return 'authors';
  if (l === 'abstract') return 'abstract';
  return 'other';
}

function clean(text: string): string {
  return text.replace(/\s*(?:▽ More|△ Less)\s*$/, '').trim();
}

/** Text copied from arxiv.org listing, search and abstract pages. */
export function isArxivListing(lines: SourceLine[]): boolean {
  let starts = 0;
  let titles = 0;
  let authors = 0;
  for (const { text } of lines) {
    if (ENTRY_START.test(text)) starts++;
    const f = FIELD.exec(text);
    if (f) {
      const name = fieldName(f[1]!);
      if (name === 'title') titles++;
      else if (name === 'authors') authors++;
    }
  }
  return (titles > 0 && (starts > 0 || authors > 0)) || (starts > 0 && authors > 0);
}

function toListingEntry(e: Entry): ListingEntry | null {
  if (!e.title || e.titleLine === undefined) return null;
  const entry: ListingEntry = { title: e.title, abstract: e.abstract.join(' '), line: e.titleLine };
  const id = e.arxivId ?? findIdentifiers([...e.other, entry.abstract].join('\n')).find((f) => f.kind === 'arxiv')?.value;
  if (id) {
    entry.arxivId = id;
    entry.url = `https://arxiv.org/abs/${id}`;
  }
  if (e.authors.length > 0) entry.authors = e.authors;
  return entry;
}

/** Parses arXiv entries: an `arXiv:` line or a `Title:` field opens one, labelled fields fill it. */
export function parseArxivListing(lines: SourceLine[]): ListingParseResult {
  const entries: ListingEntry[] = [];
  const ignored: IgnoredLine[] = [];
  let current: Entry | null = null;
  let last: FieldName | null = null;
  let blankSinceField = false;
  /** The previous non-blank line, trimmed. */
  let previous = '';

  const close = (): void => {
    if (!current) return;
    const entry = toListingEntry(current);
    if (entry) entries.push(entry);
    else ignored.push({ line: current.start.n, text: current.start.text, reason: 'arXiv entry without a title' });
    current = null;
    last = null;
  };
  const ignore = (line: SourceLine, reason: string): void => {
    ignored.push({ line: line.n, text: line.text, reason });
  };

  for (const line of lines) {
    const text = clean(line.text);
    if (text === '') {
      blankSinceField = true;
      continue;
    }
    const before = previous;
    previous = text;
    const start = ENTRY_START.exec(line.text);
    if (start) {
      close();
      current = { start: line, authors: [], abstract: [], other: [] };
      const id = parseArxivId(start[1]!);
      if (id) current.arxivId = id.id;
      blankSinceField = false;
      continue;
    }
    const field = FIELD.exec(line.text);
    if (field) {
      const name = fieldName(field[1]!);
      const value = clean(field[2]!);
      if (name === 'title' && current?.title !== undefined) close();
      current ??= { start: line, authors: [], abstract: [], other: [] };
      if (name === 'title') {
        current.title = value;
        current.titleLine = line.n;
      } else if (name === 'authors') {
        current.authors = splitAuthors(value);
      } else if (name === 'abstract') {
        if (value) current.abstract.push(value);
      } else {
        current.other.push(value);
      }
      last = name;
      blankSinceField = false;
      continue;
    }
    const chrome = LISTING_CHROME.test(text) ? 'page chrome' : chromeReason(text);
    if (!current) {
      ignore(line, chrome ?? 'outside an arXiv entry');
      continue;
    }
    const adjacent = !blankSinceField;
    const indented = /^\s/.test(line.text);
    if (chrome) {
      ignore(line, chrome);
    } else if (last === 'abstract' && (adjacent || isProse(text))) {
      current.abstract.push(text);
    } else if (current.title === undefined && isTitleLike(text)) {
      // Search results put the title on the line after the arXiv id, without a label.
      current.title = text;
      current.titleLine = line.n;
      last = 'title';
    } else if (last === 'title' && adjacent && !indented && current.authors.length === 0 && looksLikeAuthors(text, 1)) {
      // Listings since 2024 put the authors on the line after the title, without a label.
      current.authors = splitAuthors(text);
      last = 'authors';
    } else if (last === 'title' && adjacent) {
      current.title = `${current.title} ${text}`;
    } else if (last === 'authors' && adjacent && (before.endsWith(',') || indented || looksLikeAuthors(text, 1))) {
      current.authors.push(...splitAuthors(text));
    } else if (current.title !== undefined && current.abstract.length === 0 && isProse(text)) {
      current.abstract.push(text);
      last = 'abstract';
    } else if (last === 'other' && adjacent && indented) {
      current.other.push(text);
    } else {
      ignore(line, 'not part of an arXiv entry');
    }
    blankSinceField = false;
  }
  close();
  ignored.sort((a, b) => a.line - b.line);
  return { entries, ignored };
}
