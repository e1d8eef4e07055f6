import { afterEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../shared/api/api-error.ts';
import { CALL_PATH, EVENTS_PATH, TOKEN_HEADER } from '../../shared/api/web-protocol.ts';
import { emptyLibraryDoc } from '../../shared/model/library-doc.ts';
import { tempLibraryFolder } from '../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../services/folio-service.ts';
import { createMemoryLibraryStore } from '../services/library-store/index.ts';
import { startWebHost, type WebHost } from './web-host.ts';

const TOKEN = 'test-token-opening-0123';

/** The web host listens before the library has opened (web-main.ts): the browser loads meanwhile. */
describe('web host started with the library still opening', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** `opening` is called just before the host starts, as web-main.ts starts the open and the host together. */
  async function hostWith(opening: () => Promise<FolioService>): Promise<WebHost> {
    const folder = await tempLibraryFolder('web-opening');
    cleanup.push(() => folder.remove());
    const host = await startWebHost({ service: opening(), rendererDir: folder.dir, token: TOKEN });
    cleanup.push(() => host.close());
    return host;
  }

  const call = (host: WebHost, method: string, args: unknown[]) =>
    fetch(`http://127.0.0.1:${host.port}${CALL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ method, args }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }));

  it('answers a call made during the open once it is done, and sends the events that follow', async () => {
    let open = (_: FolioService): void => undefined;
    const host = await hostWith(() => new Promise((resolve) => (open = resolve)));
    const events = await fetch(`http://127.0.0.1:${host.port}${EVENTS_PATH}?token=${TOKEN}`);
    const early = call(host, 'collections.create', ['Early', null]);
    let answered = false;
    void early.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);

    const folder = await tempLibraryFolder('web-opening-lib');
    cleanup.push(() => folder.remove());
    const service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
    cleanup.push(() => service.dispose());
    open(service);
    expect(await early).toMatchObject({ status: 200, body: { ok: true, value: { name: 'Early' } } });

    // The event stream opened during the open carries the changes made after it.
    const reader = events.body!.getReader();
    await service.api.collections.create('Later', null);
    let text = '';
    while (!text.includes('onLibraryChanged')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('onLibraryChanged');
    await reader.cancel();
  });

  it('answers every call with the reason when the library cannot be opened', async () => {
    const host = await hostWith(() => Promise.reject(new FolioError('CONFLICT', 'The library is open in another Folio')));
    expect(await call(host, 'library.listRows', [])).toEqual({ status: 200, body: { ok: false, error: { code: 'CONFLICT', message: 'The library is open in another Folio' } } });
  });
});
