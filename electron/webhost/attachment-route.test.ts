import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyLibraryDoc } from '../../shared/model/library-doc.ts';
import { asBase64, doiPaper } from '../../tests/helpers/pdf-fixtures.ts';
import { tempLibraryFolder } from '../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../services/folio-service.ts';
import { createMemoryLibraryStore } from '../services/library-store/index.ts';
import { startWebHost, type WebHost } from './web-host.ts';

let folder: Awaited<ReturnType<typeof tempLibraryFolder>>;
let service: FolioService;
let host: WebHost;
const TOKEN = 'test-token-0123456789';

beforeAll(async () => {
  folder = await tempLibraryFolder('webpdf');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
  host = await startWebHost({ service, rendererDir: folder.dir, token: TOKEN });
});
afterAll(async () => {
  await host.close();
  await service.dispose();
  await folder.remove();
});

describe('web host /attachments/', () => {
  it('serves a stored PDF inline to a caller with the token, and nothing else', async () => {
    const bytes = await doiPaper();
    const { item } = await service.api.attachments.importPdf('he.pdf', asBase64(bytes), null);
    const path = item.attachments[0]!.path;
    const base = `http://127.0.0.1:${host.port}/attachments/`;
    const ok = await fetch(`${base}${path}?token=${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''hedeep\.pdf$/);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(Buffer.from(bytes));

    expect((await fetch(`${base}${path}`)).status).toBe(403);
    expect((await fetch(`${base}${path}?token=wrong`)).status).toBe(403);
    expect((await fetch(`${base}${item.id}/..%2F..%2Flibrary.json?token=${TOKEN}`)).status).toBe(404);
    expect((await fetch(`${base}${item.id}/other.pdf?token=${TOKEN}`)).status).toBe(404);
  });

  it('answers byte ranges the way pdf.js asks for them, and the window\'s CSP lets it fetch from its own origin', async () => {
    const bytes = await doiPaper();
    const { item } = await service.api.attachments.importPdf('ranges.pdf', asBase64(await makeDifferent(bytes)), null);
    const url = `http://127.0.0.1:${host.port}/attachments/${item.attachments[0]!.path}?token=${TOKEN}`;
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(part.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(10, 20));
    const tail = await fetch(url, { headers: { range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 5));
    const past = await fetch(url, { headers: { range: `bytes=${whole.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    expect((await fetch(url)).headers.get('accept-ranges')).toBe('bytes');
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });
});

/** The same paper as another file (a comment appended after its end), so it is not a duplicate. */
async function makeDifferent(bytes: Uint8Array): Promise<Uint8Array> {
  return Buffer.concat([Buffer.from(bytes), Buffer.from('\n% another copy\n')]);
}

