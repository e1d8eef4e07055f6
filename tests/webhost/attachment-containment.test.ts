import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PDF_BYTES } from '../../shared/api/attachments-types.ts';
import type { Item } from '../../shared/model/item.ts';
import { asBase64, makePdf } from '../helpers/pdf-fixtures.ts';
import { peakMemoryBytes, webHostClient, type WebHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';

/**
 * `GET /attachments/<item>/<file>` on the real web host process: whatever sits at an attachment's
 * path (a link out of the library, a device, a FIFO, a huge file), only a regular file inside
 * `<library>/attachments/` is served, nothing else is read, and the host keeps answering.
 */
let library: string;
let outside: string;
let host: RunningHost;
let client: WebHostClient;
const SECRET = 'outside-the-library: do not serve me';

beforeAll(async () => {
  library = mkdtempSync(join(tmpdir(), 'folio-contain-'));
  outside = mkdtempSync(join(tmpdir(), 'folio-outside-'));
  writeFileSync(join(outside, 'secret.pdf'), SECRET);
  host = await startWebHostProcess(library);
  client = webHostClient(host);
});
afterAll(async () => {
  if (host.process.exitCode === null) expect(await host.stop()).toBe(0);
  rmSync(library, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** A PDF of its own for each item (an identical file would be reported as a duplicate, not stored again). */
const paperTitled = (title: string) => makePdf([{ text: `A paper called ${title}`, size: 16, y: 700 }]);

/** A new item with one stored PDF; returns it and the absolute path of that file. */
async function itemWithPdf(title: string): Promise<{ item: Item; file: string; url: string }> {
  const { item, created } = await client.api.attachments.importPdf(`${title}.pdf`, asBase64(await paperTitled(title)), null);
  expect(created).toBe(true);
  const path = item.attachments.at(-1)!.path;
  return { item, file: join(library, 'attachments', path), url: `/attachments/${path}` };
}

async function refusedWithoutLeak(url: string): Promise<Response> {
  const response = await client.get(url, true);
  const body = await response.text();
  expect(response.status, body.slice(0, 200)).toBe(403);
  expect(body).not.toContain(SECRET);
  expect(body).not.toContain('PATH=');
  return response;
}

describe('attachments served by the real web host', () => {
  it('serves a regular file inside the library', async () => {
    const { url } = await itemWithPdf('plain');
    const response = await client.get(url, true);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a symlinked attachment file, item folder and attachments/ folder pointing outside', async () => {
    const file = await itemWithPdf('linked-file');
    rmSync(file.file);
    symlinkSync(join(outside, 'secret.pdf'), file.file);
    await refusedWithoutLeak(file.url);

    const folder = await itemWithPdf('linked-folder');
    const itemDir = join(library, 'attachments', folder.item.id);
    const fileName = folder.file.split('/').pop()!;
    const elsewhere = join(outside, 'item-folder');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, fileName), SECRET);
    rmSync(itemDir, { recursive: true });
    symlinkSync(elsewhere, itemDir);
    await refusedWithoutLeak(folder.url);

    const root = await itemWithPdf('linked-root');
    const attachments = join(library, 'attachments');
    const movedRoot = join(outside, 'attachments');
    execFileSync('cp', ['-a', attachments, movedRoot]);
    writeFileSync(join(movedRoot, root.url.slice('/attachments/'.length)), SECRET);
    rmSync(attachments, { recursive: true });
    symlinkSync(movedRoot, attachments);
    try {
      await refusedWithoutLeak(root.url);
    } finally {
      rmSync(attachments);
      execFileSync('cp', ['-a', movedRoot, attachments]);
    }
  });

  it('refuses /proc/self/environ and /dev/zero behind a link, without reading them', async () => {
    const environ = await itemWithPdf('environ');
    rmSync(environ.file);
    symlinkSync('/proc/self/environ', environ.file);
    await refusedWithoutLeak(environ.url);

    const zero = await itemWithPdf('zero-link');
    rmSync(zero.file);
    symlinkSync('/dev/zero', zero.file);
    await refusedWithoutLeak(zero.url);
  });

  it('refuses a device node inside the library with bounded memory', async () => {
    const zero = await itemWithPdf('zero-node');
    rmSync(zero.file);
    // The same device as /dev/zero, but a real entry inside the folder: no link to catch it.
    execFileSync('mknod', [zero.file, 'c', '1', '5']);
    const before = await peakMemoryBytes(host.process.pid!);
    await refusedWithoutLeak(zero.url);
    await refusedWithoutLeak(zero.url);
    expect(await peakMemoryBytes(host.process.pid!)).toBeLessThan(before + 64 * 1024 * 1024);
  });

  it('refuses a regular file larger than any attachment Folio stores, without reading it', async () => {
    const big = await itemWithPdf('too-big');
    truncateSync(big.file, MAX_PDF_BYTES + 1);
    const before = await peakMemoryBytes(host.process.pid!);
    await refusedWithoutLeak(big.url);
    expect(await peakMemoryBytes(host.process.pid!)).toBeLessThan(before + 64 * 1024 * 1024);
  });

  it('refuses FIFOs at once and keeps saving notes and serving files meanwhile', async () => {
    const fifo = await itemWithPdf('fifo');
    rmSync(fifo.file);
    execFileSync('mkfifo', [fifo.file]);
    // More requests than the threadpool has threads: a blocking open() on any of them would stall the host.
    const requests = Array.from({ length: 8 }, () => client.get(fifo.url, true));
    await client.api.notes.save(fifo.item.id, 'saved while a FIFO was asked for');
    const page = await client.get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    for (const response of await Promise.all(requests)) expect(response.status).toBe(403);
    expect(await client.api.notes.get(fifo.item.id)).toBe('saved while a FIFO was asked for');
  });
});
