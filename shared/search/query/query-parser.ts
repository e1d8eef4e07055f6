import {
  DATE_FIELDS, EXACT_FIELDS, HAS_VALUES, IS_VALUES, RANGE_FIELDS, TEXT_FIELDS,
  type DateField, type ExactField, type HasValue, type IsValue, type ParseResult, type QueryError, type QueryNode,
  type RangeField, type Span, type TextField,
} from './query-ast.ts';
import { tokenize, type Token } from './query-lexer.ts';
import { parseNumberRange, parseTimeRange } from './query-values.ts';
import { foldText } from '../fold-text.ts';
import { normalizeText, termsOfNormalized } from '../index/tokenize.ts';

/** Deeper nesting than this is refused with a message, so no query can exhaust the stack. */
export const MAX_QUERY_DEPTH = 32;

/** Names users type for fields, mapped to the field they mean. */
const FIELD_ALIASES: Record<string, string> = {
  authors: 'author', by: 'author', journal: 'venue', booktitle: 'venue', tags: 'tag', in: 'collection',
  annotations: 'annotation', text: 'fulltext', date: 'year', citekey: 'key',
};
const KNOWN_FIELDS = [...TEXT_FIELDS, ...EXACT_FIELDS, ...RANGE_FIELDS, ...DATE_FIELDS, 'is', 'has', 'related'];

class ParseFailure extends Error {
  readonly error: QueryError;

  constructor(error: QueryError) {
    super(error.message);
    this.error = error;
  }
}

const fail = (message: string, span: Span): never => {
  throw new ParseFailure({ message, span });
};
const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });
const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

class Parser {
  private pos = 0;
  private depth = 0;

  private readonly tokens: Token[];
  private readonly now: number;

  constructor(tokens: Token[], now: number) {
    this.tokens = tokens;
    this.now = now;
  }

  parse(): QueryNode {
    if (this.tokens.length === 0) return { kind: 'all', span: { start: 0, end: 0 } };
    const node = this.or();
    const extra = this.tokens[this.pos];
    if (extra) fail(extra.kind === 'rparen' ? 'This ")" has no "(" to close.' : 'Unexpected text here.', extra.span);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private nest<T>(span: Span, body: () => T): T {
    if (++this.depth > MAX_QUERY_DEPTH) fail(`The query nests deeper than ${MAX_QUERY_DEPTH} levels.`, span);
    try {
      return body();
    } finally {
      this.depth--;
    }
  }

  private or(): QueryNode {
    const first = this.and();
    const children = [first];
    while (this.peek()?.kind === 'or') {
      const op = this.tokens[this.pos++] as Token;
      if (!this.startsOperand()) fail('OR needs something after it.', op.span);
      children.push(this.and());
    }
    if (children.length === 1) return first;
    return { kind: 'or', children, span: join(first.span, (children[children.length - 1] as QueryNode).span) };
  }

  private startsOperand(): boolean {
    const t = this.peek();
    return t !== undefined && t.kind !== 'or' && t.kind !== 'and' && t.kind !== 'rparen';
  }

  private and(): QueryNode {
    const start = this.peek();
    if (start?.kind === 'or' || start?.kind === 'and') fail(`${start.kind.toUpperCase()} needs something before it.`, start.span);
    if (start?.kind === 'rparen') fail('This ")" has no "(" to close.', start.span);
    const children = [this.unary()];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'and') {
        this.pos++;
        if (!this.startsOperand()) fail('AND needs something after it.', t.span);
        continue;
      }
      if (!this.startsOperand()) break;
      children.push(this.unary());
    }
    const first = children[0] as QueryNode;
    if (children.length === 1) return first;
    return { kind: 'and', children, span: join(first.span, (children[children.length - 1] as QueryNode).span) };
  }

  private unary(): QueryNode {
    const t = this.peek() as Token;
    if (t.kind === 'minus' || t.kind === 'not') {
      this.pos++;
      if (!this.startsOperand()) fail(t.kind === 'not' ? 'NOT needs something after it.' : '"-" needs something after it.', t.span);
      return this.nest(t.span, () => {
        const child = this.unary();
        return { kind: 'not', child, span: join(t.span, child.span) };
      });
    }
    return this.primary();
  }

  private primary(): QueryNode {
    const t = this.tokens[this.pos++] as Token;
    switch (t.kind) {
      case 'lparen':
        return this.nest(t.span, () => {
          if (this.peek()?.kind === 'rparen') fail('These parentheses are empty.', join(t.span, (this.peek() as Token).span));
          if (!this.peek()) fail('This "(" is never closed.', t.span);
          const inner = this.or();
          const close = this.tokens[this.pos];
          if (close?.kind !== 'rparen') fail('This "(" is never closed.', t.span);
          this.pos++;
          return { ...inner, span: join(t.span, (close as Token).span) };
        });
      case 'word':
      case 'phrase':
        return this.freeText(null, t.text, t.kind === 'phrase', t.span);
      case 'field':
        return this.field(t);
      default:
        return fail('Unexpected text here.', t.span);
    }
  }

  private freeText(field: TextField | null, text: string, phrase: boolean, span: Span): QueryNode {
    // The hyphen in a bare `self-attention` splits like the indexer does, and then the words must follow each other.
    const normalized = normalizeText(text);
    const list = termsOfNormalized(normalized);
    if (list.length === 0) fail(phrase ? 'This phrase has no words to search for.' : 'Nothing to search for here.', span);
    return { kind: 'text', field, words: list, text: normalized, phrase: phrase || list.length > 1, span };
  }

  private field(t: Extract<Token, { kind: 'field' }>): QueryNode {
    const name = FIELD_ALIASES[t.name] ?? t.name;
    if (!KNOWN_FIELDS.includes(name)) {
      fail(`Unknown field "${t.name}:". Fields: ${KNOWN_FIELDS.join(', ')}.`, { start: t.span.start, end: t.span.end - 1 });
    }
    const v = this.peek();
    if (!v || (v.kind !== 'word' && v.kind !== 'phrase')) return fail(`"${t.name}:" needs a value.`, t.span);
    this.pos++;
    const span = join(t.span, v.span);
    const raw = v.text.trim();
    if (raw.length === 0) fail(`"${t.name}:" needs a value.`, span);
    if (oneOf(TEXT_FIELDS, name)) return this.freeText(name, raw, v.kind === 'phrase', span);
    if (oneOf(EXACT_FIELDS, name)) return this.exact(name, raw, span);
    if (oneOf(RANGE_FIELDS, name)) {
      const range = parseNumberRange(raw);
      if (!range) fail(`"${raw}" is not a ${name}: try ${name === 'year' ? '2017, 2017..2020 or >=2021' : '4, >=3 or 1..3'}.`, v.span);
      return { kind: 'range', field: name as RangeField, range: range as NonNullable<typeof range>, span };
    }
    if (oneOf(DATE_FIELDS, name)) {
      const range = parseTimeRange(raw, this.now);
      if (!range) fail(`"${raw}" is not a date: try <30d, >1y, 2026-11 or 2026-01..2026-03.`, v.span);
      return { kind: 'date', field: name as DateField, range: range as NonNullable<typeof range>, span };
    }
    const value = raw.toLowerCase();
    if (name === 'is') {
      if (!oneOf(IS_VALUES, value)) fail(`is: takes ${IS_VALUES.join(', ')}.`, v.span);
      return { kind: 'is', value: value as IsValue, span };
    }
    if (name === 'has') {
      if (!oneOf(HAS_VALUES, value)) fail(`has: takes ${HAS_VALUES.join(', ')}.`, v.span);
      return { kind: 'has', value: value as HasValue, span };
    }
    return { kind: 'related', key: raw, span };
  }

  private exact(field: ExactField, raw: string, span: Span): QueryNode {
    const prefix = raw.endsWith('*');
    const value = prefix ? raw.slice(0, -1) : raw;
    if (value.includes('*')) fail('A "*" works only at the end of a value.', span);
    if (value.length === 0 && !prefix) fail(`"${field}:" needs a value.`, span);
    return { kind: 'exact', field, value: field === 'doi' || field === 'key' ? value.toLowerCase() : foldText(value), prefix, span };
  }
}

/** Parses a query; never throws. An error says what is wrong and where. */
export function parseQuery(query: string, now: number = Date.now()): ParseResult {
  const lexed = tokenize(query);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, query: new Parser(lexed.tokens, now).parse() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.error };
    throw error;
  }
}
