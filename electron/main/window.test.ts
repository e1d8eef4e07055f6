import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => void;

const created: FakeWindow[] = [];

class FakeContents {
  handlers = new Map<string, Handler>();
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  permissionHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
  session = { setPermissionRequestHandler: (h: FakeContents['permissionHandler']) => { this.permissionHandler = h; } };
  on(event: string, handler: Handler) { this.handlers.set(event, handler); return this; }
  setWindowOpenHandler(h: FakeContents['openHandler']) { this.openHandler = h; }
}

class FakeWindow {
  options: Record<string, unknown>;
  webContents = new FakeContents();
  loaded = '';
  constructor(options: Record<string, unknown>) { this.options = options; created.push(this); }
  loadURL(url: string) { this.loaded = url; return Promise.resolve(); }
  once() { return this; }
  on() { return this; }
  maximize() {}
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
}));

const { createMainWindow } = await import('./window.ts');

function event() {
  return { prevented: false, preventDefault() { this.prevented = true; } };
}

describe('main window', () => {
  beforeEach(() => { created.length = 0; });

  it('is sandboxed, isolated and has no Node integration', () => {
    createMainWindow('/app/preload.cjs', { width: 1280, height: 800 }, 'Folio — lib', async () => undefined);
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload.cjs' });
    expect(created[0]?.options.title).toBe('Folio — lib');
  });

  it('loads the renderer through the folio:// protocol, never file://', () => {
    createMainWindow('/p', { width: 800, height: 600 }, 'Folio', async () => undefined);
    expect(created[0]?.loaded).toBe('folio://app/index.html');
  });

  it('denies navigation away from the app and every window.open', async () => {
    const opened: string[] = [];
    createMainWindow('/p', { width: 800, height: 600 }, 'Folio', async (url) => { opened.push(url); });
    const contents = created[0]!.webContents;
    const away = event();
    contents.handlers.get('will-navigate')?.(away, 'https://evil.example/');
    expect(away.prevented).toBe(true);
    const inside = event();
    contents.handlers.get('will-navigate')?.(inside, 'folio://app/index.html#x');
    expect(inside.prevented).toBe(false);
    const js = event();
    contents.handlers.get('will-navigate')?.(js, 'javascript:alert(1)');
    expect(js.prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://arxiv.org/abs/1706.03762' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://arxiv.org/abs/1706.03762']);
    let granted: boolean | null = null;
    contents.permissionHandler?.(null, 'camera', (ok) => { granted = ok; });
    expect(granted).toBe(false);
  });
});
