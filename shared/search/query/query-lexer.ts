import type { QueryError, Span } from './query-ast.ts';

export type Token =
  | { kind: 'word'; text: string; span: Span }
  | { kind: 'phrase'; text: string; span: Span }
  /** `name:` directly followed by its value (which is the next token). */
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'lparen' | 'rparen' | 'minus' | 'or' | 'and' | 'not'; span: Span };

/** Longer queries are refused, so a pasted book cannot stall a keystroke. */
export const MAX_QUERY_LENGTH = 2000;

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u3000';
const ends = (c: string | undefined): boolean => c === undefined || isSpace(c) || c === '(' || c === ')' || c === '"';

/** Splits a query into tokens; an unclosed quote is an error that points at it. */
export function tokenize(query: string): { ok: true; tokens: Token[] } | { ok: false; error: QueryError } {
  if (query.length > MAX_QUERY_LENGTH) {
    return { ok: false, error: { message: `The query is longer than ${MAX_QUERY_LENGTH} characters.`, span: { start: MAX_QUERY_LENGTH, end: query.length } } };
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (isSpace(c)) { i++; continue; }
    const start = i;
    if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', span: { start, end: i + 1 } });
      i++;
      continue;
    }
    if (c === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) return { ok: false, error: { message: 'This quote is never closed.', span: { start, end: query.length } } };
      tokens.push({ kind: 'phrase', text: query.slice(i + 1, close), span: { start, end: close + 1 } });
      i = close + 1;
      continue;
    }
    // At a token start only: the hyphen in `self-attention` is part of the word.
    if (c === '-' && !ends(query[i + 1])) {
      tokens.push({ kind: 'minus', span: { start, end: i + 1 } });
      i++;
      continue;
    }
    let j = i;
    while (j < query.length && !ends(query[j])) {
      // `name:` ends a field name; a value may itself hold colons (doi:10.1/x:y), so only the first one counts.
      if (query[j] === ':' && j > i && /^[a-z]+$/i.test(query.slice(i, j))) break;
      j++;
    }
    if (query[j] === ':' && j > i && /^[a-z]+$/i.test(query.slice(i, j))) {
      tokens.push({ kind: 'field', name: query.slice(i, j).toLowerCase(), span: { start, end: j + 1 } });
      i = j + 1;
      continue;
    }
    const text = query.slice(i, j);
    const span = { start, end: j };
    if (text === 'OR') tokens.push({ kind: 'or', span });
    else if (text === 'AND') tokens.push({ kind: 'and', span });
    else if (text === 'NOT') tokens.push({ kind: 'not', span });
    else tokens.push({ kind: 'word', text, span });
    i = j;
  }
  return { ok: true, tokens };
}
