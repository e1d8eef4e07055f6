// Composition root of the Electron main process: everything is wired here, explicitly.
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolioApi } from '../../shared/api/folio-api.ts';
import { openFolioService, type FolioService } from '../services/folio-service.ts';
import bibliographyWorkerPath from '../services/bibliography/bibliography-worker.ts?modulePath';
import searchWorkerPath from '../services/search/search-worker.ts?modulePath';
import fulltextWorkerPath from '../services/fulltext/fulltext-worker.ts?modulePath';
import { libraryFlag, resolveLibraryDir } from '../services/library-paths.ts';
import { APP_NAME } from '../services/library-paths.ts';
import { handleAppScheme, registerAppScheme } from './app-protocol.ts';
import { attachmentResponse } from './attachment-protocol.ts';
import { openExternal } from './external-links.ts';
import { openAttachment } from './open-attachment.ts';
import { registerIpc } from './ipc.ts';
import { IPC_EVENT_CHANNEL } from '../../shared/api/ipc-channels.ts';
import { buildMenu } from './menu.ts';
import { createMainWindow } from './window.ts';
import { loadWindowBounds, trackWindowBounds } from './window-state.ts';
import { ConnectorPairings, connectorPort, connectorPortFlag, startHostConnector, type ConnectorServer } from '../services/connector/index.ts';

app.setName(APP_NAME);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // One writer per library: a second app instance hands over to the first and quits.
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let service: FolioService | null = null;
  let connector: ConnectorServer | null = null;

  const shell: FolioApi['shell'] = {
    async saveTextFile(suggestedName, text) {
      const result = window
        ? await dialog.showSaveDialog(window, { defaultPath: suggestedName })
        : await dialog.showSaveDialog({ defaultPath: suggestedName });
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, text, 'utf8');
      return result.filePath;
    },
    async chooseFolder(title) {
      const options = { title, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openExternal,
    openAttachment: (itemId, attachmentId) => openAttachment(service, itemId, attachmentId),
  };

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(async () => {
    const folder = resolveLibraryDir(libraryFlag(process.argv), process.env, app.getPath('userData'));
    const pairings = new ConnectorPairings(join(folder, 'connector.json'));
    // The window loads the renderer while the library opens; its calls (IPC, the PDF bytes) wait for the open.
    const opening = openFolioService(folder, 'electron', {
      host: 'electron',
      connector: pairings,
      shell,
      bibliography: { workerPath: bibliographyWorkerPath, stylesDir: join(app.getAppPath(), 'resources', 'csl') },
      search: { workerPath: searchWorkerPath, fulltextWorkerPath },
      continuousSync: true,
    });
    // Reported below, once; the calls made meanwhile answer with it.
    opening.catch(() => undefined);
    handleAppScheme(join(import.meta.dirname, '../renderer'), async (pathname, range) => attachmentResponse(await opening, pathname, range));
    registerIpc(ipcMain, opening.then((opened) => opened.api), () => window?.webContents ?? null);
    const userData = app.getPath('userData');
    window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), loadWindowBounds(userData), `Folio — ${folder}`, openExternal);
    trackWindowBounds(window, userData);
    window.on('closed', () => {
      window = null;
    });
    let opened: FolioService;
    try {
      opened = await opening;
    } catch (error) {
      dialog.showErrorBox('Folio cannot open the library', `${folder}\n\n${(error as Error).message}`);
      app.exit(1);
      return;
    }
    service = opened;
    // A warm start shows cached rows before the library has loaded; a load that fails ends the app as a failed open does.
    opened.ready.then(
      // The search index is built in its worker, then the text of PDFs not yet read: both in the background.
      // The change history too, so the first edit does not wait for it.
      () => {
        void opened.search.extractMissing().catch((error: unknown) => console.error('folio: reading PDF text failed', error));
        void opened.loadHistory().catch((error: unknown) => console.error('folio: the change history could not be read', error));
      },
      (error: unknown) => {
        dialog.showErrorBox('Folio cannot open the library', `${folder}\n\n${(error as Error).message}`);
        app.exit(1);
      },
    );
    opened.hub.subscribe((message) => {
      if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, message);
    });
    let port = 0;
    try {
      port = connectorPort(connectorPortFlag(process.argv));
    } catch (error) {
      process.stderr.write(`folio: ${(error as Error).message}; the connector is off\n`);
    }
    connector = await startHostConnector(opened.api, pairings, port, (line) => process.stderr.write(`folio: ${line}\n`));
    Menu.setApplicationMenu(buildMenu((command) => opened.hub.emit('onMenuCommand', command)));
  }).catch((error: unknown) => {
    dialog.showErrorBox('Folio failed to start', String(error));
    app.exit(1);
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !service) return;
    // Write everything before the process ends.
    event.preventDefault();
    quitting = true;
    const closing = connector ? connector.close() : Promise.resolve();
    closing.then(() => service!.dispose()).catch((error: unknown) => {
      dialog.showErrorBox('Folio could not save the library', String(error));
    }).finally(() => app.quit());
  });

  app.on('window-all-closed', () => app.quit());
}
