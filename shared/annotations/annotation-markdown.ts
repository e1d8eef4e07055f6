import type { Annotation } from '../model/annotation.ts';
import type { ItemId } from '../model/ids.ts';

/**
 * Markdown made from annotations: the quote blocks "Add to note" appends to an item's note, and the export for
 * Obsidian and Logseq. Each annotation is one blockquote, every one of its lines starting with `>`, so nothing in
 * a comment (a fence left open, `>`, raw HTML, a heading) can leak out of its block into the next one.
 * The quoted text comes from the PDF and is escaped to stay plain text; the comment is the user's Markdown and is
 * kept as it is.
 */

/** Where the reader opens at an annotation: `folio://open/<itemId>?attachment=…&page=<1-based>&annotation=…`. */
export function annotationLink(itemId: ItemId, annotation: Annotation): string {
  const query = [
    `attachment=${encodeURIComponent(annotation.attachmentId)}`,
    `page=${annotation.pageIndex + 1}`,
    `annotation=${encodeURIComponent(annotation.id)}`,
  ].join('&');
  return `folio://open/${encodeURIComponent(itemId)}?${query}`;
}

/** The page as shown: its label, or its 1-based number when the PDF has none. */
export function pageLabelOf(annotation: Annotation): string {
  const label = annotation.pageLabel.trim();
  return label.length > 0 ? label : String(annotation.pageIndex + 1);
}

// Characters that start Markdown syntax anywhere in a line; `$` is math in Folio's renderer, `&` an entity.
const INLINE_SPECIAL = /[\\`*_[\]<>$~|&]/g;
// Characters or runs that mean something only at the start of a line (heading, list, setext, numbered list).
const LINE_START_SPECIAL = /^([#+\-=:]|\d+(?=[.)]))/;

/** Text shown as text, on one line: whitespace collapsed, control characters dropped, Markdown escaped. */
export function escapeMarkdownText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
  const escaped = flat.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  return escaped.replace(LINE_START_SPECIAL, (start) => (/^\d/.test(start) ? start.replace(/(\d)$/, '$1\\') : `\\${start}`));
}

/** A comment's lines, as the user wrote them, with line endings normalised and trailing blank lines dropped. */
function commentLines(comment: string): string[] {
  const normal = comment.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return normal.length === 0 ? [] : normal.split('\n');
}

/** Prefixes every line with `>`, so the lines form one blockquote. */
function asBlockquote(lines: readonly string[]): string {
  return lines.map((line) => (line.length === 0 ? '>' : `> ${line}`)).join('\n');
}

const KIND_LABEL: Readonly<Record<Annotation['type'], string>> = {
  highlight: 'Highlight',
  underline: 'Underline',
  note: 'Note',
  area: 'Area',
};

/** The first line of a block: the quote in quotation marks, or what kind of mark it is when there is no text. */
function headline(annotation: Annotation, page: string): string {
  const quote = escapeMarkdownText(annotation.text);
  if (quote.length > 0) return `“${quote}” ${page}`;
  return `*${KIND_LABEL[annotation.type]}* ${page}`;
}

/**
 * One annotation as it goes into the note: the quote and a link to its page in the reader, then the comment.
 *
 *     > “The dominant sequence transduction models …” ([p. 3](folio://open/…))
 *     >
 *     > The comment, Markdown kept as written: $O(n^2)$
 */
export function annotationNoteBlock(itemId: ItemId, annotation: Annotation): string {
  const page = `([p. ${escapeMarkdownText(pageLabelOf(annotation))}](${annotationLink(itemId, annotation)}))`;
  const comment = commentLines(annotation.comment);
  return asBlockquote([headline(annotation, page), ...(comment.length > 0 ? ['', ...comment] : [])]);
}

/** The blocks of several annotations, in the order given, separated by blank lines. */
export function annotationsNoteMarkdown(itemId: ItemId, annotations: readonly Annotation[]): string {
  return annotations.map((a) => annotationNoteBlock(itemId, a)).join('\n\n');
}

/** A note with blocks appended after what it already holds, separated by a blank line. */
export function appendToNoteMarkdown(note: string, blocks: string): string {
  if (blocks.length === 0) return note;
  const kept = note.replace(/\s+$/, '');
  return kept.length === 0 ? `${blocks}\n` : `${kept}\n\n${blocks}\n`;
}

/**
 * A tag as Obsidian and Logseq read `#tag`: letters, digits, `_`, `-` and `/`; anything else becomes `-`.
 * Empty when nothing is left.
 */
export function markdownTag(tag: string): string {
  const clean = tag.normalize('NFC').replace(/[^\p{L}\p{N}_\-/]+/gu, '-').replace(/^[-/]+|[-/]+$/g, '');
  return clean.length > 0 ? `#${clean}` : '';
}

export interface AnnotationExportHeader {
  citationKey: string;
  title: string;
  /** "Vaswani, Shazeer, Parmar et al." */
  authors: string;
  year: number | null;
}

/** One annotation in the export: quote, page and kind, comment, tags, all in one blockquote. */
export function annotationExportBlock(annotation: Annotation): string {
  const lines = [headline(annotation, `(p. ${escapeMarkdownText(pageLabelOf(annotation))})`)];
  const comment = commentLines(annotation.comment);
  if (comment.length > 0) lines.push('', ...comment);
  const tags = annotation.tags.map(markdownTag).filter((t) => t.length > 0);
  if (tags.length > 0) lines.push('', tags.join(' '));
  return asBlockquote(lines);
}

/**
 * An item's annotations for Obsidian and Logseq: the citation key as the heading (`# @key`), a line naming the
 * work, then each annotation's block in the order given.
 */
export function annotationsExportMarkdown(header: AnnotationExportHeader, annotations: readonly Annotation[]): string {
  const byline = [header.authors, header.year === null ? '' : String(header.year)].filter((s) => s.length > 0).join(', ');
  const work = [header.title.trim().length > 0 ? `*${escapeMarkdownText(header.title)}*` : '', byline.length > 0 ? `(${escapeMarkdownText(byline)})` : '']
    .filter((s) => s.length > 0)
    .join(' ');
  const key = /^[\p{L}\p{N}_:.\-/+]+$/u.test(header.citationKey) ? header.citationKey : escapeMarkdownText(header.citationKey);
  const parts = [`# @${key}`];
  if (work.length > 0) parts.push(work);
  if (annotations.length === 0) parts.push('*No annotations.*');
  for (const a of annotations) parts.push(annotationExportBlock(a));
  return `${parts.join('\n\n')}\n`;
}
