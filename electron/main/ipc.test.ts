import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }, net: { fetch: vi.fn() } }));

const { registerIpc } = await import('./ipc.ts');
const { FolioError } = await import('../../shared/api/api-error.ts');
const { IPC_CALL_CHANNEL } = await import('../../shared/api/ipc-channels.ts');
const { createFolioService } = await import('../services/folio-service.ts');
const { createMemoryLibraryStore } = await import('../services/library-store/memory-library-store.ts');

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: (c: string) => handlers.delete(c) };
  const mainFrame = { url: 'folio://app/index.html' };
  const contents = { mainFrame };
  const service = createFolioService(createMemoryLibraryStore(), { host: 'electron' });
  registerIpc(ipcMain as never, service.api, () => contents as never);
  const call = (event: unknown, method: unknown, args: unknown) => handlers.get(IPC_CALL_CHANNEL)!(event, method, args);
  return { call, contents, mainFrame, service };
}

describe('IPC registration', () => {
  it('answers a valid call from the app frame', async () => {
    const { call, contents, mainFrame } = setup();
    const result = await call({ sender: contents, senderFrame: mainFrame }, 'collections.create', ['Reading list', null]);
    expect(result).toMatchObject({ ok: true, value: { name: 'Reading list', parentId: null } });
  });

  it('refuses a call from another frame, another origin or another webContents', async () => {
    const { call, contents, mainFrame } = setup();
    const subFrame = { url: 'folio://app/index.html' };
    expect(await call({ sender: contents, senderFrame: subFrame }, 'library.listRows', [])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const evil = { url: 'https://evil.example/' };
    const evilContents = { mainFrame: evil };
    expect(await call({ sender: evilContents, senderFrame: evil }, 'library.listRows', [])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    mainFrame.url = 'file:///etc/passwd';
    expect(await call({ sender: contents, senderFrame: mainFrame }, 'library.listRows', [])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('rejects unknown methods and bad arguments with INVALID_ARGUMENT', async () => {
    const { call, contents, mainFrame } = setup();
    const ev = { sender: contents, senderFrame: mainFrame };
    expect(await call(ev, 'library.__proto__', [])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call(ev, 'library.getItem', [{ $where: 1 }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('library.getItem') } });
    expect(await call(ev, 'collections.create', ['x'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call(ev, 'library.updateItem', ['it_1', { rating: 9 }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('turns service errors into {code, message}', async () => {
    const { call, contents, mainFrame } = setup();
    expect(await call({ sender: contents, senderFrame: mainFrame }, 'library.getItem', ['it_missing'])).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No item with id it_missing', details: { id: 'it_missing' } },
    });
  });

  it('takes calls while the library still opens: they wait for it, and a failed open is their error', async () => {
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: (c: string) => handlers.delete(c) };
    const mainFrame = { url: 'folio://app/index.html' };
    const contents = { mainFrame };
    const ev = { sender: contents, senderFrame: mainFrame };
    let open = (_: ReturnType<typeof createFolioService>['api']): void => undefined;
    registerIpc(ipcMain as never, new Promise((resolve) => (open = resolve)), () => contents as never);
    const early = handlers.get(IPC_CALL_CHANNEL)!(ev, 'collections.create', ['Early', null]);
    let answered = false;
    void early.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    open(createFolioService(createMemoryLibraryStore(), { host: 'electron' }).api);
    expect(await early).toMatchObject({ ok: true, value: { name: 'Early' } });

    const failing = new Map<string, Handler>();
    const failingMain = { handle: (channel: string, h: Handler) => failing.set(channel, h), removeHandler: (c: string) => failing.delete(c) };
    const locked = Promise.reject(new FolioError('CONFLICT', 'The library is open in another Folio'));
    registerIpc(failingMain as never, locked, () => contents as never);
    expect(await failing.get(IPC_CALL_CHANNEL)!(ev, 'library.listRows', [])).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'The library is open in another Folio' } });
  });
});
