import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyLibraryDoc } from '../../shared/model/library-doc.ts';
import type { Item } from '../../shared/model/item.ts';
import { asBase64, doiPaper } from '../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../services/folio-service.ts';
import { createMemoryLibraryStore } from '../services/library-store/index.ts';

const openPath = vi.fn(async (_path: string) => '');
vi.mock('electron', () => ({ shell: { openPath } }));

const { openAttachment } = await import('./open-attachment.ts');

let folder: Awaited<ReturnType<typeof tempLibraryFolder>>;
let service: FolioService;
let item: Item;
let file: string;

beforeEach(async () => {
  openPath.mockClear();
  folder = await tempLibraryFolder('open-att');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'electron' });
  item = (await service.api.attachments.importPdf('he.pdf', asBase64(await doiPaper()), null)).item;
  file = join(folder.dir, 'attachments', item.attachments[0]!.path);
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

const open = () => openAttachment(service, item.id, item.attachments[0]!.id);

describe('openAttachment (the system viewer)', () => {
  it('hands the viewer the real path of a regular file inside the library', async () => {
    await open();
    expect(openPath).toHaveBeenCalledWith(realpathSync(file));
  });

  it('refuses a link out of the library, a linked item folder, a FIFO and a device, and opens nothing', async () => {
    const outside = join(folder.dir, '..', `${folder.dir.split('/').pop()}-outside`);
    mkdirSync(outside);
    try {
      writeFileSync(join(outside, 'secret.pdf'), 'secret');
      rmSync(file);
      symlinkSync(join(outside, 'secret.pdf'), file);
      await expect(open()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/leads outside the attachments folder/) });

      rmSync(file);
      execFileSync('mkfifo', [file]);
      await expect(open()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/is a FIFO/) });
      rmSync(file);
      execFileSync('mknod', [file, 'c', '1', '5']);
      await expect(open()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/is a device/) });

      const itemDir = join(folder.dir, 'attachments', item.id);
      rmSync(itemDir, { recursive: true });
      symlinkSync(outside, itemDir);
      writeFileSync(join(outside, file.split('/').pop()!), 'secret');
      await expect(open()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(openPath).not.toHaveBeenCalled();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
