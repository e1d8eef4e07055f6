import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfWithHighlight } from '../../../tests/helpers/annotated-pdfs.ts';
import { readInsideRoot } from '../safe-library-file.ts';
import { FulltextWorker } from './fulltext-worker-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'folio-pdf-worker-'));
const worker = new FulltextWorker();
afterAll(async () => {
  await worker.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the PDF worker thread', () => {
  it('takes a small file read into Node\'s shared Buffer pool (which cannot be transferred) without failing or touching the pool', async () => {
    writeFileSync(join(dir, 'small.pdf'), await pdfWithHighlight('pooled'));
    const bytes = await readInsideRoot(dir, 'small.pdf', 1024 * 1024);
    expect(bytes.buffer.byteLength).toBeGreaterThan(bytes.length);
    const neighbour = Buffer.allocUnsafe(16).fill(7);
    const pages = await worker.extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    expect(pages[0]).toContain('Attention is all you need');
    const scan = await worker.readAnnotations(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    expect(scan.annotations.map((a) => [a.record.subtype, a.record.contents, a.record.text])).toEqual([['Highlight', 'pooled', 'Attention is all you need']]);
    expect(neighbour.every((b) => b === 7)).toBe(true);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('fails one job with the reason and keeps serving the next', async () => {
    await expect(worker.extract(new TextEncoder().encode('%PDF-1.7\nnot really\n%%EOF'))).rejects.toThrow();
    const scan = await worker.readAnnotations(await pdfWithHighlight());
    expect(scan.pageCount).toBe(1);
  });
});
