import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFolioService, type FolioService } from '../../electron/services/folio-service.ts';
import { FulltextWorker } from '../../electron/services/fulltext/fulltext-worker-client.ts';
import { extractPageTexts } from '../../electron/services/fulltext/pdf-page-text.ts';
import { SAFE_DOCUMENT_OPTIONS } from '../../electron/services/fulltext/pdfjs-load.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { pdfjsAnnotations } from '../helpers/annotated-pdfs.ts';
import { brokenXrefPdf, fontMatrixPdf, javascriptPdf, longPdf, zeroPagePdf } from '../helpers/hostile-pdfs.ts';

/**
 * Hostile PDFs through every path that reads one: import (metadata, annotations), full-text extraction (in the
 * worker and in-process), export with annotations, and painting a page with pdf.js as the reader does. Each opens
 * or fails with a message naming the file, and nothing in them runs: a canary file and a canary global stay untouched.
 */

declare global {
  var folioCanary: string | undefined;
}

let dir: string;
let canary: string;
let service: FolioService;
const worker = new FulltextWorker();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-hostile-pdf-'));
  canary = join(dir, 'CANARY-if-this-exists-a-PDF-ran-code');
  service = await openFolioService(join(dir, 'library'), 'test', { host: 'web', search: { inThread: true } });
  await service.ready;
});
afterAll(async () => {
  await service.dispose();
  await worker.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function nothingRan(): void {
  expect(existsSync(canary)).toBe(false);
  expect(globalThis.folioCanary).toBeUndefined();
}

/** Paints page 1 the way the reader's pdf.js does (here onto @napi-rs/canvas): glyphs drawn, fonts not loaded as faces. */
async function paintFirstPage(bytes: Uint8Array): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ ...SAFE_DOCUMENT_OPTIONS, data: new Uint8Array(bytes) });
  const doc = await task.promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1 });
  const canvasFactory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: unknown } };
  const { canvas } = canvasFactory.create(viewport.width, viewport.height);
  await page.render({ canvas: canvas as Parameters<typeof page.render>[0]['canvas'], viewport }).promise;
  await task.destroy();
}

/** Imports, extracts, exports and paints one file; returns the imported item's annotation texts. */
async function everyPath(name: string, bytes: Uint8Array): Promise<string[]> {
  const result = await service.papers.importPdf(name, bytes, null);
  expect(result.created).toBe(true);
  expect(result.annotations).toEqual({ imported: 1, skipped: 0 });
  const pages = await worker.extract(new Uint8Array(bytes));
  expect(pages).toHaveLength(1);
  expect(await extractPageTexts(bytes)).toHaveLength(1);
  const file = await service.api.annotations.exportPdf(result.item.id, result.item.attachments[0]!.id);
  const exported = await pdfjsAnnotations(Buffer.from(file.dataBase64, 'base64'));
  expect(exported.filter((a) => a.subtype === 'Highlight').map((a) => a.contents)).toEqual(['kept']);
  await paintFirstPage(bytes);
  nothingRan();
  return (await service.api.annotations.list(result.item.id)).map((a) => a.comment);
}

describe('hostile PDFs', () => {
  it('JavaScript in /OpenAction, /AA, a link and the names tree: imported, read and exported, and none of it runs', async () => {
    const bytes = javascriptPdf(canary);
    expect(await everyPath('javascript.pdf', bytes)).toEqual(['kept']);
    const pages = await worker.extract(new Uint8Array(bytes));
    expect(pages[0]).toContain('Hostile paper about quokka landscapes');
  });

  it('a Type1 font whose /FontMatrix carries code (the CVE-2024-4367 shape): the page is read and painted, the code never runs', async () => {
    expect(await everyPath('font-matrix.pdf', fontMatrixPdf(canary))).toEqual(['kept']);
  });

  it('a broken cross-reference table: the file is recovered, its annotation imported and written back', async () => {
    expect(await everyPath('broken-xref.pdf', brokenXrefPdf())).toEqual(['kept']);
  });

  it('zero pages: refused with the file named, and nothing is left in the library', async () => {
    const before = [...service.store.items()].length;
    await expect(service.papers.importPdf('empty-book.pdf', zeroPagePdf(), null)).rejects.toThrow(/^empty-book\.pdf: page 1 cannot be read/);
    expect([...service.store.items()]).toHaveLength(before);
    expect(readdirSync(join(dir, 'library', 'attachments')).every((d) => readdirSync(join(dir, 'library', 'attachments', d)).length > 0)).toBe(true);
    expect(await worker.extract(new Uint8Array(zeroPagePdf()))).toEqual([]);
    nothingRan();
  });

  it('2,000 pages through the CLI: imported with the annotation on page 1,500, and every page\'s text searchable', async () => {
    const lib = join(dir, 'long-library');
    const file = join(dir, 'long-book.pdf');
    writeFileSync(file, await longPdf(2000, 1500));
    const imported = runFolio(['import', file, '--library', lib]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Imported 1 item from long-book.pdf, with 1 annotation');
    const found = runFolio(['search', '--library', lib, '--json', 'fulltext:marker1999end']);
    expect(found.status, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout)).toHaveLength(1);
    // The worker read every page: the derived cache holds all 2,000, each with its own text.
    const [cacheFile] = readdirSync(join(lib, 'fulltext'));
    const cache = JSON.parse(readFileSync(join(lib, 'fulltext', cacheFile!), 'utf8')) as { pages: string[] };
    expect(cache.pages).toHaveLength(2000);
    expect(cache.pages[1998]).toContain('marker1999end');
    nothingRan();
  });
});
