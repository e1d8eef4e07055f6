import { describe, expect, it } from 'vitest';
import { createFolioService } from './folio-service.ts';
import { createMemoryLibraryStore } from './library-store/memory-library-store.ts';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function service() {
  return createFolioService(createMemoryLibraryStore(), { host: 'web', clock: () => new Date('2026-01-02T03:04:05Z') });
}

describe('records are checked where they enter', () => {
  it('refuses a created or edited item nested 5,000 levels deep, naming the field, and changes nothing', async () => {
    const s = service();
    await expect(s.api.library.createItem({ csl: { type: 'article', title: 'x', x: nested(5_000) } as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/^The new item cannot be saved: "csl\.x\.a.*" is nested more than 32 levels deep\.$/),
    });
    expect(s.store.itemCount()).toBe(0);
    const item = await s.api.library.createItem({ csl: { type: 'article', title: 'ok' } });
    await expect(s.api.library.updateItem(item.id, { csl: { note: nested(5_000) } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(`The change to ${item.citationKey} cannot be saved: "csl.note.a`),
    });
    expect(s.store.getItem(item.id)).toEqual(item);
    await s.api.notes.save(item.id, 'still saves');
    expect(await s.api.notes.get(item.id)).toBe('still saves');
  });

  it('refuses a note longer than a record may be', async () => {
    const s = service();
    const item = await s.api.library.createItem({ csl: { type: 'article', title: 'ok' } });
    await expect(s.api.notes.save(item.id, 'x'.repeat(33 * 1024 * 1024))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('longer than') });
    expect(await s.api.notes.get(item.id)).toBe('');
  });
});
