import { describe, expect, it } from 'vitest';
import { makeTestItem } from '../../../tests/helpers/store-items.ts';
import { isItemShaped } from './item-check.ts';
import { itemSchema } from './library-doc-schema.ts';

const full = {
  ...makeTestItem(3),
  attachments: [{ id: 'a1', path: 'p', fileName: 'f.pdf', mediaType: 'application/pdf', size: 1, sha256: 'h', addedAt: 't' }],
  annotations: [{
    id: 'n1', attachmentId: 'a1', type: 'highlight', color: 'y', pageIndex: 2, pageLabel: '3', quads: [[0, 1, 2, 3, 4, 5, 6, 7]], rect: [0, 1, 2, 3],
    text: 't', prefix: 'p', suffix: 's', textOffset: 4, comment: 'c', tags: ['x'], createdAt: 't', modifiedAt: 't', orphaned: false, pdfFingerprint: 'f',
  }],
  note: { markdown: 'm', modifiedAt: 't' },
  source: { entryType: 'article', key: 'k', fields: [{ name: 'title', raw: 'T' }] },
  editedFields: ['title'],
  metadataPending: true,
  unknownExtra: { kept: true },
};

const BAD_VALUES: unknown[] = [undefined, null, 0, 1.5, '', 'x', true, [], ['x'], [1], {}, { x: 1 }];

/** Every path to a leaf or branch of the value, so each can be replaced by something of another type. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function replaced(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && next === undefined) delete copy[head];
  else copy[head] = replaced(copy[head], rest, next);
  return copy;
}

describe('isItemShaped', () => {
  it('accepts well-formed items, with and without the optional fields', () => {
    expect(isItemShaped(full)).toBe(true);
    expect(isItemShaped(makeTestItem(1))).toBe(true);
  });

  it('never accepts an item that itemSchema rejects, whatever single field is changed or removed', () => {
    let checked = 0;
    for (const path of paths(full)) {
      for (const bad of BAD_VALUES) {
        const candidate = replaced(full, path, bad);
        const zodSays = itemSchema.safeParse(candidate).success;
        if (!zodSays) expect(isItemShaped(candidate), `${path.join('.')} = ${JSON.stringify(bad)}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
