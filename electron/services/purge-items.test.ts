import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibraryDoc } from '../../shared/model/library-doc.ts';
import { arxivPaper, asBase64, doiPaper } from '../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from './folio-service.ts';
import { createMemoryLibraryStore } from './library-store/index.ts';

let folder: { dir: string; remove: () => Promise<void> };
let service: FolioService;

beforeEach(async () => {
  folder = await tempLibraryFolder('purge');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

const fileOf = async (id: Parameters<FolioService['api']['library']['getItem']>[0]) =>
  join(folder.dir, 'attachments', (await service.api.library.getItem(id)).attachments[0]!.path);

describe('purging trashed items', () => {
  it('deletes only trashed items, with their attachment files', async () => {
    const he = (await service.api.attachments.importPdf('he.pdf', asBase64(await doiPaper()), null)).item;
    const dpo = (await service.api.attachments.importPdf('dpo.pdf', asBase64(await arxivPaper()), null)).item;
    const heFile = await fileOf(he.id);
    const dpoFile = await fileOf(dpo.id);
    await service.api.library.trash([he.id]);
    // dpo is not in the trash: purge leaves it alone.
    expect(await service.api.library.purge([he.id, dpo.id])).toBe(1);
    expect((await service.api.library.listRows()).map((r) => r.id)).toEqual([dpo.id]);
    expect(existsSync(heFile)).toBe(false);
    expect(existsSync(dpoFile)).toBe(true);
  });

  it('keeps a file that a merged item still uses', async () => {
    const keep = (await service.api.attachments.importPdf('he.pdf', asBase64(await doiPaper()), null)).item;
    const other = (await service.api.attachments.importPdf('dpo.pdf', asBase64(await arxivPaper()), null)).item;
    const otherFile = await fileOf(other.id);
    await service.api.duplicates.merge({ keepId: keep.id, otherId: other.id, fields: {} });
    expect((await service.api.library.getItem(keep.id)).attachments).toHaveLength(2);
    expect(await service.api.library.emptyTrash()).toBe(1);
    expect(existsSync(otherFile)).toBe(true);
    expect(await service.api.library.getItem(keep.id)).toMatchObject({ citationKey: keep.citationKey });
  });
});
