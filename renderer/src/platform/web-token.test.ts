import { describe, it, expect } from 'vitest';
import { tokenFromHash } from './web-token.ts';

describe('tokenFromHash', () => {
  it('reads the token with or without the leading #', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('token=abc123&x=1')).toBe('abc123');
  });
  it('is null when absent or empty', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });
});
