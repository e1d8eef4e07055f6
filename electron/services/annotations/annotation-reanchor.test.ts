import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationsChangedEvent } from '../../../shared/api/annotations-types.ts';
import { selectorAt } from '../../../shared/annotations/anchoring.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { highlightDraft } from '../../../tests/helpers/annotation-drafts.ts';
import { makePagedPdf, PAPER_V1, PAPER_V2 } from '../../../tests/helpers/paper-versions.ts';
import { asBase64 } from '../../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../folio-service.ts';
import { FulltextCache } from '../fulltext/fulltext-cache.ts';
import { extractPageTexts } from '../fulltext/pdf-page-text.ts';
import { createMemoryLibraryStore } from '../library-store/index.ts';

let folder: { dir: string; remove: () => Promise<void> };
let service: FolioService;
let itemId: ItemId;
let v1: AttachmentId;
let v1Pages: string[];

beforeEach(async () => {
  folder = await tempLibraryFolder('reanchor');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
  const bytes = await makePagedPdf(PAPER_V1);
  v1Pages = await extractPageTexts(bytes);
  const { item } = await service.api.attachments.importPdf('he-v1.pdf', asBase64(bytes), null);
  itemId = item.id;
  v1 = item.attachments[0]!.id;
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

/** A highlight of `quote` on page `pageIndex` of v1, made as the reader makes it. */
async function highlight(pageIndex: number, quote: string, comment = '') {
  const page = v1Pages[pageIndex]!;
  const at = page.indexOf(quote);
  expect(at).toBeGreaterThanOrEqual(0);
  return service.api.annotations.create(itemId, highlightDraft(v1, { pageIndex, pageLabel: String(pageIndex + 1), ...selectorAt(page, at, at + quote.length), comment }));
}

describe('re-anchoring when the PDF is replaced', () => {
  it('runs when importPdf attaches a newer version: quotes found again, moved, or orphaned with their comment', async () => {
    const moved = await highlight(2, 'Residual representations are used in image retrieval', 'see VLAD');
    const changed = await highlight(0, 'Deeper neural networks are more difficult to train.');
    const gone = await highlight(1, 'This sentence is removed in the second version of the paper.', 'Why? $\\alpha$');
    const note = await service.api.annotations.create(itemId, highlightDraft(v1, { type: 'note', pageIndex: 1, text: '', prefix: '', suffix: '', textOffset: -1, quads: [], comment: 'sticky' }));
    const events: AnnotationsChangedEvent[] = [];
    service.hub.asEvents().onAnnotationsChanged((e) => events.push(e));

    const v2Bytes = await makePagedPdf(PAPER_V2);
    const v2Pages = await extractPageTexts(v2Bytes);
    const result = await service.api.attachments.importPdf('he-v2.pdf', asBase64(v2Bytes), itemId);
    const v2 = result.item.attachments[1]!;
    expect(result.created).toBe(false);
    expect(existsSync(join(folder.dir, 'fulltext', `${v2.sha256}.json`))).toBe(true);

    const byId = new Map((await service.api.annotations.list(itemId)).map((a) => [a.id, a]));
    expect([...byId.values()].every((a) => a.attachmentId === v2.id)).toBe(true);
    expect(byId.get(moved.id)).toMatchObject({ pageIndex: 3, pageLabel: '4', textOffset: v2Pages[3]!.indexOf('Residual representations'), comment: 'see VLAD' });
    // Their geometry is the new file's (annotation-geometry.test.ts checks it against poppler): no mark left.
    expect(byId.get(moved.id)?.relocated).toBeUndefined();
    expect(byId.get(changed.id)).toMatchObject({ pageIndex: 0, text: 'Deeper neural networks are much more difficult to train.' });
    expect(byId.get(changed.id)?.relocated).toBeUndefined();
    // The changed sentence is one line lower in v2 (a notice on top: its baseline at y 672, not 688), and its quad
    // followed it, between the baselines of the lines around it.
    const [x1, y1, x2, y2] = byId.get(changed.id)!.rect;
    expect(byId.get(changed.id)!.quads).toHaveLength(1);
    expect([x1, y1 < 672, y2 > 672 + 6, y1 > 656, y2 < 688]).toEqual([72, true, true, true, true]);
    expect(x2).toBeGreaterThan(300);
    expect(byId.get(changed.id)?.orphaned).toBeUndefined();
    expect(byId.get(gone.id)).toMatchObject({ orphaned: true, text: gone.text, comment: 'Why? $\\alpha$', pageIndex: 1 });
    expect(byId.get(note.id)).toMatchObject({ pageIndex: 1, comment: 'sticky' });
    expect(result.item.annotations).toEqual(await service.api.annotations.list(itemId));
    expect(events.at(-1)?.changed.map((a) => a.id).sort()).toEqual([moved.id, changed.id, gone.id, note.id].sort());

    // Nothing left on another PDF: a second run changes nothing.
    expect(await service.api.annotations.reanchor(itemId, v2.id)).toEqual({ reanchored: 0, orphaned: 0 });
  });

  it('answers how many were found again and how many are orphaned, and can move them back', async () => {
    await highlight(0, 'We present a residual learning framework');
    await highlight(1, 'This sentence is removed in the second version of the paper.');
    const v2 = (await service.api.attachments.importPdf('he-v2.pdf', asBase64(await makePagedPdf(PAPER_V2)), itemId)).item.attachments[1]!.id;
    // Back onto v1, where every quote is: the orphan is found again and loses the mark.
    expect(await service.api.annotations.reanchor(itemId, v1)).toEqual({ reanchored: 2, orphaned: 0 });
    const back = await service.api.annotations.list(itemId);
    expect(back.every((a) => a.attachmentId === v1 && a.orphaned === undefined)).toBe(true);
    expect(await service.api.annotations.reanchor(itemId, v2)).toEqual({ reanchored: 1, orphaned: 1 });
  });

  it('clears the relocated mark when the reader saves new geometry', async () => {
    await highlight(2, 'Residual representations are used in image retrieval');
    // A cached text the file's glyphs do not match: no geometry can be computed, so the annotation keeps the mark.
    const v2Bytes = await makePagedPdf(PAPER_V2);
    const v2Pages = await extractPageTexts(v2Bytes);
    await new FulltextCache(folder.dir).put(createHash('sha256').update(v2Bytes).digest('hex'), v2Pages.map((p) => `Erratum.\n${p}`));
    await service.api.attachments.importPdf('he-v2.pdf', asBase64(v2Bytes), itemId);
    const [a] = await service.api.annotations.list(itemId);
    expect(a?.relocated).toBe(true);
    const fixed = await service.api.annotations.update(itemId, a!.id, { quads: [[72, 720, 400, 720, 72, 708, 400, 708]], rect: [72, 708, 400, 720] });
    expect(fixed.relocated).toBeUndefined();
  });

  it('refuses an attachment the item does not have', async () => {
    await expect(service.api.annotations.reanchor(itemId, 'att_nope' as AttachmentId)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('att_nope') });
  });
});
