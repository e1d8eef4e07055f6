import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationsChangedEvent } from '../../../shared/api/annotations-types.ts';
import { MAX_ANNOTATIONS_PER_ITEM, MAX_ANNOTATION_TEXT } from '../../../shared/api/annotations-types.ts';
import { dispatchApiCall } from '../../../shared/api/api-dispatch.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { MAX_NOTE_CHARS } from '../../../shared/library/record-limits.ts';
import { highlightDraft } from '../../../tests/helpers/annotation-drafts.ts';
import { asBase64, doiPaper, makePdf } from '../../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../folio-service.ts';
import { createMemoryLibraryStore } from '../library-store/index.ts';

let folder: { dir: string; remove: () => Promise<void> };
let service: FolioService;
let itemId: ItemId;
let pdf: AttachmentId;
let events: AnnotationsChangedEvent[];

beforeEach(async () => {
  folder = await tempLibraryFolder('annotations');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
  const { item } = await service.api.attachments.importPdf('he.pdf', asBase64(await doiPaper()), null);
  itemId = item.id;
  pdf = item.attachments[0]!.id;
  events = [];
  service.hub.asEvents().onAnnotationsChanged((e) => events.push(e));
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

/** A call through the dispatcher both hosts use: schema checks first, then the service. */
async function call(method: string, ...args: unknown[]): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return (await dispatchApiCall(service.api, method, args)) as never;
}

describe('annotations.create, update, remove and list', () => {
  it('creates an annotation with an id and times, keeps it in the item and tells listeners', async () => {
    const a = await service.api.annotations.create(itemId, highlightDraft(pdf, { comment: 'ResNets: $y = F(x) + x$', tags: ['deep', 'deep', 'vision'] }));
    expect(a.id).toMatch(/^ann_/);
    expect(a).toMatchObject({ attachmentId: pdf, type: 'highlight', color: 'yellow', pageIndex: 0, text: 'Deep Residual Learning for Image Recognition', tags: ['deep', 'vision'] });
    expect(a.createdAt).toBe(a.modifiedAt);
    expect(a.orphaned).toBeUndefined();
    expect((await service.api.library.getItem(itemId)).annotations).toEqual([a]);
    expect(events).toEqual([{ itemId, changed: [a], removedIds: [] }]);
  });

  it('lists in page order, top to bottom, whatever the order of creation', async () => {
    const low = await service.api.annotations.create(itemId, highlightDraft(pdf, { rect: [72, 100, 300, 112], text: 'low' }));
    const page2 = await service.api.annotations.create(itemId, highlightDraft(pdf, { pageIndex: 1, pageLabel: '2', text: 'page two' }));
    const high = await service.api.annotations.create(itemId, highlightDraft(pdf, { rect: [72, 700, 300, 712], text: 'high' }));
    expect((await service.api.annotations.list(itemId)).map((a) => a.id)).toEqual([high.id, low.id, page2.id]);
  });

  it('updates colour, comment, tags and geometry, and nothing else', async () => {
    const a = await service.api.annotations.create(itemId, highlightDraft(pdf));
    const b = await service.api.annotations.update(itemId, a.id, { color: 'blue', comment: 'edited', tags: ['x'], rect: [1, 2, 3, 4] });
    expect(b).toMatchObject({ ...a, color: 'blue', comment: 'edited', tags: ['x'], rect: [1, 2, 3, 4], modifiedAt: b.modifiedAt });
    expect(b.createdAt).toBe(a.createdAt);
    expect(await service.api.annotations.list(itemId)).toEqual([b]);
    // A field outside the patch is not taken, even when sent.
    const r = await call('annotations.update', itemId, a.id, { text: 'forged' });
    expect(r.ok).toBe(true);
    expect((await service.api.annotations.list(itemId))[0]?.text).toBe(a.text);
  });

  it('removes the given ids, ignores ids already gone, and reports what went', async () => {
    const a = await service.api.annotations.create(itemId, highlightDraft(pdf));
    const b = await service.api.annotations.create(itemId, highlightDraft(pdf, { pageIndex: 1 }));
    await service.api.annotations.remove(itemId, [a.id, 'ann_gone']);
    expect((await service.api.annotations.list(itemId)).map((x) => x.id)).toEqual([b.id]);
    expect(events.at(-1)).toEqual({ itemId, changed: [], removedIds: [a.id] });
    const before = events.length;
    await service.api.annotations.remove(itemId, ['ann_gone']);
    expect(events).toHaveLength(before);
  });

  it('refuses an annotation on an attachment the item does not have, and an unknown item or annotation', async () => {
    const other = await service.api.attachments.importPdf('x.pdf', asBase64(await makePdf([{ text: 'Another paper', size: 14, y: 700 }])), null);
    const foreign = other.item.attachments[0]!.id;
    await expect(service.api.annotations.create(itemId, highlightDraft(foreign))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(foreign) });
    await expect(service.api.annotations.list('it_nope' as ItemId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.api.annotations.update(itemId, 'ann_nope', { color: 'red' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('ann_nope') });
    expect((await service.api.library.getItem(itemId)).annotations).toEqual([]);
  });

  it('answers a bad argument with the field that is wrong, and changes nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...highlightDraft(pdf), color: 'chartreuse' }, 'argument 1.color'],
      [{ ...highlightDraft(pdf), type: 'squiggle' }, 'argument 1.type'],
      [{ ...highlightDraft(pdf), pageIndex: -1 }, 'argument 1.pageIndex'],
      [{ ...highlightDraft(pdf), quads: [[1, 2, 3]] }, 'argument 1.quads.0'],
      [{ ...highlightDraft(pdf), rect: [0, 0, Number.NaN, 1] }, 'argument 1.rect.2'],
      [{ ...highlightDraft(pdf), comment: 'x'.repeat(MAX_ANNOTATION_TEXT + 1) }, 'argument 1.comment'],
      [{ ...highlightDraft(pdf), tags: [''] }, 'argument 1.tags.0'],
    ];
    for (const [draft, field] of cases) {
      const r = await call('annotations.create', itemId, draft);
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(r.error?.message).toContain(`annotations.create: ${field}`);
    }
    expect((await call('annotations.remove', itemId, [])).error?.message).toContain('annotations.remove: argument 1');
    expect((await call('annotations.addToNote', itemId, [])).error?.message).toContain('annotations.addToNote: argument 1');
    expect((await call('annotations.update', itemId, 'a', { color: 'teal' })).error?.message).toContain('argument 2.color');
    expect((await service.api.library.getItem(itemId)).annotations).toEqual([]);
  });

  it('refuses more than the most annotations one item holds', async () => {
    const now = '2026-01-01T00:00:00.000Z';
    const full: Annotation[] = Array.from({ length: MAX_ANNOTATIONS_PER_ITEM }, (_, i) => ({
      ...highlightDraft(pdf, { pageIndex: i % 40 }), id: `ann_${i}`, comment: '', tags: [], createdAt: now, modifiedAt: now,
    }));
    const item = await service.api.library.getItem(itemId);
    await service.store.commit([{ op: 'putItems', items: [{ ...item, annotations: full }] }]);
    await expect(service.api.annotations.create(itemId, highlightDraft(pdf))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(String(MAX_ANNOTATIONS_PER_ITEM)) });
  });

  it('refuses an annotation that would make the item larger than a record may be, and changes nothing', async () => {
    const quads = Array.from({ length: 10_000 }, (): [number, number, number, number, number, number, number, number] => [1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 0; i < 5; i++) await service.api.annotations.create(itemId, highlightDraft(pdf, { quads }));
    await expect(service.api.annotations.create(itemId, highlightDraft(pdf, { quads }))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('500000 values') });
    expect(await service.api.annotations.list(itemId)).toHaveLength(5);
  });
});

describe('annotations.addToNote and exportMarkdown', () => {
  it('appends every annotation in page order to the note, keeping what was there', async () => {
    await service.api.notes.save(itemId, 'Read for the reading group.');
    const second = await service.api.annotations.create(itemId, highlightDraft(pdf, { pageIndex: 3, pageLabel: '4', text: 'identity shortcut', comment: 'Line one\n\n> quoted' }));
    const first = await service.api.annotations.create(itemId, highlightDraft(pdf, { comment: '$F(x) + x$' }));
    const note = await service.api.annotations.addToNote(itemId, null);
    expect(note).toBe(
      'Read for the reading group.\n\n' +
        `> “Deep Residual Learning for Image Recognition” ([p. 1](folio://open/${itemId}?attachment=${pdf}&page=1&annotation=${first.id}))\n>\n> $F(x) + x$\n\n` +
        `> “identity shortcut” ([p. 4](folio://open/${itemId}?attachment=${pdf}&page=4&annotation=${second.id}))\n>\n> Line one\n>\n> > quoted\n`,
    );
    expect(await service.api.notes.get(itemId)).toBe(note);
  });

  it('adds only the chosen annotations, refuses an unknown id, and leaves an empty choice unchanged', async () => {
    const a = await service.api.annotations.create(itemId, highlightDraft(pdf, { text: 'chosen' }));
    await service.api.annotations.create(itemId, highlightDraft(pdf, { text: 'not chosen' }));
    const note = await service.api.annotations.addToNote(itemId, [a.id]);
    expect(note).toContain('chosen”');
    expect(note).not.toContain('not chosen');
    await expect(service.api.annotations.addToNote(itemId, [a.id, 'ann_x'])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('ann_x') });
    expect(await service.api.notes.get(itemId)).toBe(note);
  });

  it('answers the note unchanged when the item has no annotations', async () => {
    await service.api.notes.save(itemId, 'Only this.');
    expect(await service.api.annotations.addToNote(itemId, null)).toBe('Only this.');
  });

  it('refuses to grow the note past the record limit, and keeps it as it was', async () => {
    const long = 'x'.repeat(MAX_NOTE_CHARS - 150_000);
    await service.api.notes.save(itemId, long);
    await service.api.annotations.create(itemId, highlightDraft(pdf, { comment: 'c'.repeat(90_000) }));
    await expect(service.api.annotations.addToNote(itemId, null)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await service.api.notes.get(itemId)).toBe(long);
  });

  it('exports the citation key, then quotes with page, comment and tags', async () => {
    await service.api.annotations.create(itemId, highlightDraft(pdf, { comment: 'Residual.', tags: ['resnet'] }));
    const md = await service.api.annotations.exportMarkdown(itemId, null);
    const item = await service.api.library.getItem(itemId);
    expect(md.split('\n')[0]).toBe(`# @${item.citationKey}`);
    expect(md).toContain('> “Deep Residual Learning for Image Recognition” (p. 1)\n>\n> Residual.\n>\n> #resnet\n');
  });
});
