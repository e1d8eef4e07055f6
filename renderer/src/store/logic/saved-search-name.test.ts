import { describe, expect, it } from 'vitest';
import { suggestedName } from './saved-search-name.ts';

describe('suggested saved-search names', () => {
  it('uses the query, spaces collapsed, at most 40 characters', () => {
    expect(suggestedName('  tag:to-read   is:unread ', [])).toBe('tag:to-read is:unread');
    expect(suggestedName('a'.repeat(60), [])).toHaveLength(40);
  });
  it('numbers a name already taken, and names an empty query', () => {
    expect(suggestedName('tag:x', ['tag:x', 'tag:x (2)'])).toBe('tag:x (3)');
    expect(suggestedName('   ', [])).toBe('Saved search');
  });
});
