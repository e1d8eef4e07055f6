import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { highlightDraft } from '../../../tests/helpers/annotation-drafts.ts';
import { asBase64, doiPaper } from '../../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../folio-service.ts';
import { createMemoryLibraryStore } from '../library-store/index.ts';

let folder: { dir: string; remove: () => Promise<void> };
let service: FolioService;
let itemId: ItemId;
let pdf: AttachmentId;

beforeEach(async () => {
  folder = await tempLibraryFolder('annotation-search');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web', search: { inThread: true } });
  await service.api.io.importText({ text: '@article{other2020, title={Another paper about shortcuts}, year=2020}', fileName: 'o.bib' });
  const { item } = await service.api.attachments.importPdf('he.pdf', asBase64(await doiPaper()), null);
  itemId = item.id;
  pdf = item.attachments[0]!.id;
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

async function keys(query: string): Promise<string[]> {
  const answer = await service.api.search.query({ query });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.hits.map((h) => h.key).sort();
}

describe('searching annotations', () => {
  it('finds items by annotation quote, comment and tag, and follows every change', async () => {
    const key = (await service.api.library.getItem(itemId)).citationKey;
    expect(await keys('has:annotations')).toEqual([]);
    const a = await service.api.annotations.create(itemId, highlightDraft(pdf, { text: 'identity shortcut connections', comment: 'compare with highway networks', tags: ['skimmed'] }));
    expect(await keys('has:annotations')).toEqual([key]);
    expect(await keys('annotation:shortcut')).toEqual([key]);
    expect(await keys('shortcut')).toEqual([key, 'other2020']);
    expect(await keys('annotation:highway')).toEqual([key]);
    expect(await keys('annotation:skimmed')).toEqual([key]);
    expect(await keys('-has:annotations')).toEqual(['other2020']);

    await service.api.annotations.update(itemId, a.id, { comment: 'like gating in LSTMs' });
    expect(await keys('annotation:highway')).toEqual([]);
    expect(await keys('annotation:gating')).toEqual([key]);

    await service.api.annotations.remove(itemId, [a.id]);
    expect(await keys('has:annotations')).toEqual([]);
    expect(await keys('annotation:shortcut')).toEqual([]);
  });

  it('counts an area without text or comment as an annotation', async () => {
    await service.api.annotations.create(itemId, highlightDraft(pdf, { type: 'area', text: '', quads: [] }));
    expect(await keys('has:annotations')).toHaveLength(1);
  });
});
