import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { arxivPaper, asBase64, doiPaper, encryptPdf, infoTitlePaper } from '../../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../folio-service.ts';
import { createMemoryLibraryStore } from '../library-store/index.ts';
import { readPdfMetadata } from './pdf-metadata.ts';

let folder: { dir: string; remove: () => Promise<void> };
let service: FolioService;

beforeEach(async () => {
  folder = await tempLibraryFolder('pdf');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

/** Every file under attachments/, relative to it. */
function storedFiles(): string[] {
  const root = join(folder.dir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

describe('PDF metadata', () => {
  it('finds the DOI and the title (largest text) on page 1', async () => {
    const meta = await readPdfMetadata('he.pdf', await doiPaper());
    expect(meta).toMatchObject({ pages: 1, doi: '10.1109/cvpr.2016.90', title: 'Deep Residual Learning for Image Recognition' });
  });

  it('reads the arXiv stamp and never takes the rotated stamp for the title', async () => {
    const meta = await readPdfMetadata('dpo.pdf', await arxivPaper());
    expect(meta.arxivId).toBe('2305.18290');
    expect(meta.title).toBe('Direct Preference Optimization: Your Language Model is Secretly a Reward Model');
  });

  it('prefers a plausible info-dictionary title and splits its authors', async () => {
    const meta = await readPdfMetadata('rag.pdf', await infoTitlePaper());
    expect(meta.title).toBe('A Survey of Retrieval-Augmented Generation');
    expect(meta.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
  });
});

describe('attachments.importPdf', () => {
  it('creates an item and copies the PDF to attachments/<item-id>/<key>.pdf with its hash', async () => {
    const bytes = await arxivPaper();
    const result = await service.api.attachments.importPdf('dpo.pdf', asBase64(bytes), null);
    expect(result.created).toBe(true);
    const { item } = result;
    expect(item.citationKey).toBe('rafailov2023direct');
    expect(item.csl).toMatchObject({ archive_location: '2305.18290', DOI: '10.48550/arXiv.2305.18290' });
    expect(item.attachments).toHaveLength(1);
    expect(item.attachments[0]).toMatchObject({ path: `${item.id}/rafailov2023direct.pdf`, fileName: 'dpo.pdf', mediaType: 'application/pdf', size: bytes.length });
    expect(readFileSync(join(folder.dir, 'attachments', item.attachments[0]!.path))).toEqual(Buffer.from(bytes));
    expect((await service.api.library.rowsByIds([item.id]))[0]?.hasPdf).toBe(true);
  });

  it('recognises an identical file and copies nothing', async () => {
    const bytes = await doiPaper();
    const first = await service.api.attachments.importPdf('he.pdf', asBase64(bytes), null);
    const again = await service.api.attachments.importPdf('copy of he.pdf', asBase64(bytes), null);
    expect(again).toMatchObject({ created: false, duplicateOf: first.item.id });
    expect(storedFiles()).toHaveLength(1);
    expect(service.store.itemCount()).toBe(1);
  });

  it('attaches the PDF of a paper already in the library (same arXiv id) instead of adding it twice', async () => {
    const added = await service.api.library.createItem({ csl: { type: 'article', title: 'DPO', DOI: '10.48550/arXiv.2305.18290' } });
    const result = await service.api.attachments.importPdf('dpo.pdf', asBase64(await arxivPaper()), null);
    expect(result).toMatchObject({ created: false, duplicateOf: null });
    expect(result.item.id).toBe(added.id);
    expect(result.item.citationKey).toBe(added.citationKey);
    expect(service.store.itemCount()).toBe(1);
  });

  it.each([
    ['empty.pdf', () => new Uint8Array(0), /empty\.pdf: the file is empty/],
    ['notes.pdf', () => new TextEncoder().encode('just some notes, not a PDF\n'), /notes\.pdf: not a PDF/],
    ['cut.pdf', async () => (await doiPaper()).slice(0, 600), /cut\.pdf: the PDF is truncated/],
    ['locked.pdf', async () => encryptPdf(await doiPaper()), /locked\.pdf: the PDF is encrypted with a password/],
  ])('refuses %s with the file and reason named, leaving no item and no file', async (name, make, message) => {
    const bytes = await make();
    await expect(service.api.attachments.importPdf(name, asBase64(bytes), null)).rejects.toThrow(message);
    expect(service.store.itemCount()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });
});
