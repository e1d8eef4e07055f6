import { describe, it, expect } from 'vitest';
import { parseItemIds } from './drag-data.ts';

describe('parseItemIds', () => {
  it('reads a JSON list of ids', () => {
    expect(parseItemIds('["i_1","i_2"]')).toEqual(['i_1', 'i_2']);
  });
  it('rejects anything else a foreign drag could carry', () => {
    for (const bad of ['', 'not json', '{}', '[]', '[1,2]', '["ok", null]', `["${'x'.repeat(201)}"]`]) expect(parseItemIds(bad), bad).toBeNull();
  });
});
