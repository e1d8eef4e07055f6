// A stand-in for the `electron` module, so the BUILT main bundle (out/main/index.js) can run in plain Node.
// It records what the composition root asks of Electron; tests/helpers/fake-electron-driver.mjs inspects it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const state = { windows: [], ipc: new Map(), schemes: [], protocolHandlers: new Map(), menu: null, errors: [], exitCode: null };
globalThis.__fakeElectron = state;

class FakeContents {
  constructor() {
    this.mainFrame = { url: 'folio://app/index.html' };
    this.handlers = new Map();
    this.sent = [];
    this.session = { setPermissionRequestHandler: (h) => { this.permissionHandler = h; } };
  }
  on(event, handler) { this.handlers.set(event, handler); return this; }
  setWindowOpenHandler(handler) { this.openHandler = handler; }
  send(channel, message) { this.sent.push({ channel, message }); }
  isDestroyed() { return false; }
}

export class BrowserWindow {
  constructor(options) { this.options = options; this.webContents = new FakeContents(); state.windows.push(this); }
  loadURL(url) { this.url = url; return Promise.resolve(); }
  once() { return this; }
  on() { return this; }
  maximize() {}
  isDestroyed() { return false; }
  isMinimized() { return false; }
  isMaximized() { return false; }
  getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 800 }; }
}

export const app = {
  setName(name) { state.name = name; },
  requestSingleInstanceLock() { return true; },
  on() {},
  quit() {},
  exit(code) { state.exitCode = code; },
  whenReady() { return Promise.resolve(); },
  getPath() { return process.env.FAKE_ELECTRON_USER_DATA; },
  getAppPath() { return process.cwd(); },
};
export const ipcMain = { handle(channel, handler) { state.ipc.set(channel, handler); }, removeHandler(channel) { state.ipc.delete(channel); } };
export const protocol = {
  registerSchemesAsPrivileged(schemes) { state.schemes.push(...schemes); },
  handle(scheme, handler) { state.protocolHandlers.set(scheme, handler); },
};
export const net = { fetch: async (url) => new Response(await readFile(fileURLToPath(url))) };
export const Menu = { buildFromTemplate: (template) => ({ template }), setApplicationMenu(menu) { state.menu = menu; } };
export const dialog = {
  showErrorBox(title, message) { state.errors.push(`${title}: ${message}`); },
  showSaveDialog: async () => ({ canceled: true }),
};
export const shell = { openExternal: async () => undefined, openPath: async () => '' };
export const contextBridge = { exposeInMainWorld() {} };
export const ipcRenderer = { invoke: async () => null, on() {} };
export default { app, BrowserWindow, ipcMain, protocol, net, Menu, dialog, shell, contextBridge, ipcRenderer };
