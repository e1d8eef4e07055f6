import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model/item.ts';
import { asBase64, makePdf } from '../helpers/pdf-fixtures.ts';
import { webHostClient, type WebHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';

/**
 * Purging and attaching through the real web host: a link inside `attachments/` never makes Folio
 * delete or write a file outside the library.
 */
let library: string;
let outside: string;
let host: RunningHost;
let client: WebHostClient;

beforeAll(async () => {
  library = mkdtempSync(join(tmpdir(), 'folio-purge-'));
  outside = mkdtempSync(join(tmpdir(), 'folio-victim-'));
  host = await startWebHostProcess(library);
  client = webHostClient(host);
});
afterAll(async () => {
  expect(await host.stop()).toBe(0);
  rmSync(library, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** A PDF of its own for each item (an identical file would be reported as a duplicate, not stored again). */
const paperTitled = (title: string) => makePdf([{ text: `A paper called ${title}`, size: 16, y: 700 }]);

async function itemWithPdf(name: string): Promise<{ item: Item; file: string }> {
  const { item, created } = await client.api.attachments.importPdf(`${name}.pdf`, asBase64(await paperTitled(name)), null);
  expect(created).toBe(true);
  return { item, file: join(library, 'attachments', item.attachments.at(-1)!.path) };
}

async function purge(item: Item): Promise<void> {
  await client.api.library.trash([item.id]);
  expect(await client.api.library.purge([item.id])).toBe(1);
  expect((await client.api.library.listRows()).map((r) => r.id)).not.toContain(item.id);
}

describe('purging items whose attachments are links', () => {
  it('keeps every file outside when the item folder is a link', async () => {
    const { item, file } = await itemWithPdf('folder-link');
    const victims = join(outside, 'folder');
    mkdirSync(victims);
    const fileName = file.split('/').pop()!;
    writeFileSync(join(victims, fileName), 'precious, same name as the attachment');
    writeFileSync(join(victims, 'other.txt'), 'precious too');
    const itemDir = join(library, 'attachments', item.id);
    rmSync(itemDir, { recursive: true });
    symlinkSync(victims, itemDir);

    await purge(item);
    expect(readdirSync(victims).sort()).toEqual([fileName, 'other.txt'].sort());
    expect(readFileSync(join(victims, fileName), 'utf8')).toBe('precious, same name as the attachment');
  });

  it('keeps the target when the attachment file is a link, inside the library or outside', async () => {
    const { item, file } = await itemWithPdf('file-link');
    const victim = join(outside, 'victim.pdf');
    writeFileSync(victim, 'precious');
    rmSync(file);
    symlinkSync(victim, file);
    await purge(item);
    expect(readFileSync(victim, 'utf8')).toBe('precious');

    // A link to another item's stored file: purging this one must not delete that one's PDF.
    const kept = await itemWithPdf('kept');
    const linked = await itemWithPdf('linked');
    rmSync(linked.file);
    symlinkSync(kept.file, linked.file);
    await purge(linked.item);
    expect(lstatSync(kept.file).isFile()).toBe(true);
    expect((await client.get(`/attachments/${kept.item.attachments[0]!.path}`, true)).status).toBe(200);
  });

  it('still deletes a plain attachment file and its folder', async () => {
    const { item, file } = await itemWithPdf('plain');
    await purge(item);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(library, 'attachments', item.id))).toBe(false);
  });

  it('writes no PDF through a linked item folder', async () => {
    const item = await client.api.library.createItem({ csl: { type: 'article-journal', title: 'Attach here' } });
    const target = join(outside, 'write-target');
    mkdirSync(target);
    symlinkSync(target, join(library, 'attachments', item.id));
    const attempt = client.api.attachments.importPdf('he.pdf', asBase64(await paperTitled('through a link')), item.id);
    await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(readdirSync(target)).toEqual([]);
    expect((await client.api.library.getItem(item.id)).attachments).toEqual([]);
  });
});
