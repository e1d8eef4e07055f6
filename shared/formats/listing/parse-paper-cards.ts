import { chromeReason, isLinkOnly, isProse, isTitleLike, looksLikeAuthors, splitAuthors } from './line-kinds.ts';
import { attachIdentifiers } from './entry-identifiers.ts';
import type { IgnoredLine, ListingEntry, ListingParseResult, SourceLine } from './listing-types.ts';

interface Pending {
  line: SourceLine;
  title: string;
  /** Lines between title and abstract that carried something: authors, links. */
  meta: string[];
  authors?: string[];
  /** True while no blank line followed the title. */
  adjacent: boolean;
}

interface Open {
  entry: ListingEntry;
  meta: string[];
  abstractLines: string[];
}

/** A wrapped title continues on a line that starts in lower case, or after a colon, dash or comma. */
function continuesTitle(pending: Pending, text: string): boolean {
  return pending.adjacent && pending.meta.length === 0 && (/^\p{Ll}/u.test(text) || /[:,–-]$/.test(pending.title));
}

/** A user name or single lower-case word: never preferred to a multi-word title already seen. */
function isHandle(text: string): boolean {
  return /^[\p{Ll}\d_.-]+$/u.test(text);
}

/**
 * Papers laid out as cards (Hugging Face Papers, search results, reading lists): a title line,
 * optional metadata, then an abstract paragraph. Everything else is reported as ignored.
 */
export function parsePaperCards(lines: SourceLine[]): ListingParseResult {
  const entries: ListingEntry[] = [];
  const ignored: IgnoredLine[] = [];
  let pending: Pending | null = null;
  let open: Open | null = null;
  /** The previous non-blank line was part of `open`'s abstract. */
  let inAbstract = false;

  const close = (): void => {
    if (!open) return;
    open.entry.abstract = open.abstractLines.join(' ');
    attachIdentifiers(open.entry, open.meta, open.entry.abstract);
    entries.push(open.entry);
    open = null;
  };
  const dropPending = (): void => {
    if (pending) ignored.push({ line: pending.line.n, text: pending.line.text, reason: 'no abstract follows' });
    pending = null;
  };

  /** The previous non-blank line, trimmed. */
  let previous = '';
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') {
      inAbstract = false;
      if (pending) pending.adjacent = false;
      continue;
    }
    const before = previous;
    previous = text;
    if (inAbstract && open) {
      const last = open.abstractLines.at(-1) ?? '';
      // A wrapped abstract goes on mid-sentence, or goes on with more prose.
      if (!/[.!?…]["')\]]?$/.test(last) || isProse(text)) {
        open.abstractLines.push(text);
        continue;
      }
    }
    inAbstract = false;
    if (isProse(text)) {
      if (pending) {
        close();
        const entry: ListingEntry = { title: pending.title, abstract: '', line: pending.line.n };
        if (pending.authors) entry.authors = pending.authors;
        open = { entry, meta: pending.meta, abstractLines: [text] };
        pending = null;
        inAbstract = true;
      } else {
        ignored.push({ line: line.n, text: line.text, reason: 'paragraph without a title' });
      }
      continue;
    }
    const chrome = chromeReason(text) ?? (/^submitted by$/i.test(before) && !/\s/.test(text) ? 'byline' : null);
    if (chrome) {
      ignored.push({ line: line.n, text: line.text, reason: chrome });
      continue;
    }
    if (pending && looksLikeAuthors(text)) {
      pending.authors = splitAuthors(text);
      pending.meta.push(text);
      continue;
    }
    if (isLinkOnly(text)) {
      if (pending) pending.meta.push(text);
      else ignored.push({ line: line.n, text: line.text, reason: 'link outside a paper' });
      continue;
    }
    if (isTitleLike(text)) {
      if (pending && continuesTitle(pending, text) && pending.title.length + text.length < 300) {
        pending.title = `${pending.title} ${text}`;
        continue;
      }
      if (pending && isHandle(text) && !isHandle(pending.title)) {
        ignored.push({ line: line.n, text: line.text, reason: 'not a title or abstract' });
        continue;
      }
      dropPending();
      pending = { line, title: text, meta: [], adjacent: true };
      continue;
    }
    ignored.push({ line: line.n, text: line.text, reason: 'not a title or abstract' });
  }
  close();
  dropPending();
  ignored.sort((a, b) => a.line - b.line);
  return { entries, ignored };
}
