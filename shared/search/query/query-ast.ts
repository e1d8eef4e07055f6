/**
 * The search box's query language (docs/search.md), as a tree. Every node keeps the span of the text it came
 * from, so an error or a highlight can point at it.
 */

export interface Span {
  /** 0-based offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** Fields that take free text: matched word by word, accent-blind and typo-tolerant. */
export const TEXT_FIELDS = ['title', 'author', 'venue', 'abstract', 'note', 'fulltext', 'annotation'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields matched as whole values, with `*` as a trailing wildcard. */
export const EXACT_FIELDS = ['key', 'doi', 'arxiv', 'type', 'tag', 'collection'] as const;
export type ExactField = (typeof EXACT_FIELDS)[number];

export const RANGE_FIELDS = ['year', 'rating'] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

export const DATE_FIELDS = ['added', 'modified'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const IS_VALUES = ['unread', 'reading', 'read', 'flagged', 'pending', 'trashed'] as const;
export type IsValue = (typeof IS_VALUES)[number];

export const HAS_VALUES = ['pdf', 'note', 'annotations', 'doi', 'abstract', 'tags'] as const;
export type HasValue = (typeof HAS_VALUES)[number];

/** A number range; either end may be open. Bounds are inclusive. */
export interface NumberRange {
  min: number | null;
  max: number | null;
}

/** A time range in ms since the epoch, inclusive start, exclusive end; either end may be open. */
export interface TimeRange {
  from: number | null;
  until: number | null;
}

export type QueryNode =
  | { kind: 'and'; children: QueryNode[]; span: Span }
  | { kind: 'or'; children: QueryNode[]; span: Span }
  | { kind: 'not'; child: QueryNode; span: Span }
  /**
   * Free text in one field, or any (`field` null). `words` are index terms; `text` is the normalised text
   * (shared/search/index/tokenize.ts). `phrase`: `text` must occur as it is, not only each word somewhere.
   */
  | { kind: 'text'; field: TextField | null; words: string[]; text: string; phrase: boolean; span: Span }
  | { kind: 'exact'; field: ExactField; value: string; prefix: boolean; span: Span }
  | { kind: 'range'; field: RangeField; range: NumberRange; span: Span }
  | { kind: 'date'; field: DateField; range: TimeRange; span: Span }
  | { kind: 'is'; value: IsValue; span: Span }
  | { kind: 'has'; value: HasValue; span: Span }
  | { kind: 'related'; key: string; span: Span }
  /** The empty query: everything in the view. */
  | { kind: 'all'; span: Span };

export interface QueryError {
  message: string;
  /** Where the problem is, for an inline marker under the search box. */
  span: Span;
}

export type ParseResult = { ok: true; query: QueryNode } | { ok: false; error: QueryError };
