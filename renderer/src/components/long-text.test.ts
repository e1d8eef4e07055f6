import { describe, expect, it } from 'vitest';
import { charCount, isLongText, LONG_FIELD_CHARS, PAGE_CHARS, textPages } from './long-text.ts';

describe('long text', () => {
  it('calls a text long only past the limit', () => {
    expect(isLongText('x'.repeat(LONG_FIELD_CHARS))).toBe(false);
    expect(isLongText('x'.repeat(LONG_FIELD_CHARS + 1))).toBe(true);
  });

  it('splits a text into pages and stops at the count asked for', () => {
    const text = 'a'.repeat(PAGE_CHARS) + 'b'.repeat(PAGE_CHARS) + 'c';
    expect(textPages(text, 10).map((p) => p.length)).toEqual([PAGE_CHARS, PAGE_CHARS, 1]);
    expect(textPages(text, 1)).toEqual(['a'.repeat(PAGE_CHARS)]);
    expect(textPages(text, 3).join('')).toBe(text);
  });

  it('writes counts with separators', () => {
    expect(charCount(10_485_760)).toBe('10,485,760 characters');
  });
});
