import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyLibraryDoc } from '../../shared/model/library-doc.ts';
import type { Item } from '../../shared/model/item.ts';
import { asBase64, doiPaper } from '../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../services/folio-service.ts';
import { createMemoryLibraryStore } from '../services/library-store/index.ts';

type Handler = (request: Request) => Promise<Response>;
const handlers = new Map<string, Handler>();
const netFetch = vi.fn();
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string, handler: Handler) => handlers.set(scheme, handler) },
  net: { fetch: netFetch },
}));

const { handleAppScheme } = await import('./app-protocol.ts');
const { attachmentResponse } = await import('./attachment-protocol.ts');

let folder: Awaited<ReturnType<typeof tempLibraryFolder>>;
let service: FolioService;
let serve: Handler;
let item: Item;
let bytes: Uint8Array;

beforeAll(async () => {
  folder = await tempLibraryFolder('folio-protocol-pdf');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'electron' });
  bytes = await doiPaper();
  item = (await service.api.attachments.importPdf('he.pdf', asBase64(bytes), null)).item;
  writeFileSync(join(folder.dir, 'index.html'), '<!doctype html>');
  handleAppScheme(folder.dir, (pathname, range) => attachmentResponse(service, pathname, range));
  serve = handlers.get('folio')!;
});
afterAll(async () => {
  await service.dispose();
  await folder.remove();
});

describe('folio://app/attachments/ (the reader\'s PDF bytes under Electron)', () => {
  it('serves a listed attachment as application/pdf, whole or by range', async () => {
    const url = `folio://app/attachments/${item.attachments[0]!.path}`;
    const whole = await serve(new Request(url));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(Buffer.from(bytes));
    const part = await serve(new Request(url, { headers: { range: 'bytes=100-199' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(Buffer.from(bytes.subarray(100, 200)));
    expect((await serve(new Request(url, { headers: { range: `bytes=${bytes.length + 5}-` } }))).status).toBe(416);
  });

  it('serves nothing the item does not list, no path out of the library, and never through Electron\'s file fetch', async () => {
    const base = `folio://app/attachments/${item.id}/`;
    expect((await serve(new Request(`${base}..%2F..%2Flibrary.json`))).status).toBe(404);
    expect((await serve(new Request(`${base}other.pdf`))).status).toBe(404);
    expect((await serve(new Request('folio://app/attachments/%E0%A4%A'))).status).toBe(400);
    // The stored file swapped for a link to a file outside the library: refused by the checked reader.
    const stored = join(folder.dir, 'attachments', item.attachments[0]!.path);
    rmSync(stored);
    symlinkSync('/etc/passwd', stored);
    const linked = await serve(new Request(`folio://app/attachments/${item.attachments[0]!.path}`));
    expect(linked.status).toBe(403);
    expect(await linked.text()).not.toContain('root:');
    expect(netFetch).not.toHaveBeenCalled();
  });

  it('still serves the renderer beside it', async () => {
    expect((await serve(new Request('folio://app/'))).status).toBe(200);
  });
});
