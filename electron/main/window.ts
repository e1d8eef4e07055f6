import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { APP_URL, isAppUrl } from './app-url.ts';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export function mainWindowOptions(preloadPath: string, bounds: WindowBounds, title: string): BrowserWindowConstructorOptions {
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 500,
    title,
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/** No navigation away from the app, no new windows; links go through the openExternal allowlist. */
export function guardNavigation(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

export function createMainWindow(preloadPath: string, bounds: WindowBounds, title: string, openExternal: (url: string) => Promise<void>): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds, title));
  guardNavigation(window.webContents, openExternal);
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // Keep the library name in the title even when the page sets its own.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(APP_URL);
  return window;
}
