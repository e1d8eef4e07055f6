import type { FolioApi } from '../../shared/api/folio-api.ts';
import type { ImportReport, ImportRequest, LibraryInfo } from '../../shared/api/api-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { AutoExportService } from './auto-export-service.ts';
import { createCollectionMethods } from './collection-methods.ts';
import { EventHub } from './event-hub.ts';
import { citeCommand, exportItems } from './export-service.ts';
import { importText, undoImport, type ImportOptions } from './import-service.ts';
import { KeyIndex } from './key-index.ts';
import { createKeyMethods } from './key-methods.ts';
import { createLibraryMethods } from './library-methods.ts';
import { openLibraryStore } from './library-store/index.ts';
import type { LibraryOwner, LibraryStore } from './library-store/library-store.ts';
import { createNoteMethods } from './note-methods.ts';
import { ServiceContext } from './service-context.ts';
import { UiStateStore } from './ui-state-store.ts';

export interface FolioServiceOptions {
  host: LibraryInfo['host'];
  /** Host-specific: dialogs and the external-link allowlist live in the Electron adapter. */
  shell?: FolioApi['shell'];
  clock?: () => Date;
}

export interface FolioService {
  readonly api: FolioApi;
  readonly hub: EventHub;
  readonly store: LibraryStore;
  /** importText with CLI-only options (batches, progress, cancel). */
  importWithOptions(request: ImportRequest, options: ImportOptions): Promise<ImportReport>;
  /** Waits for pending auto-exports and writes the library; then releases it. */
  dispose(): Promise<void>;
}

const unsupportedShell: FolioApi['shell'] = {
  async saveTextFile() {
    throw new FolioError('UNSUPPORTED', 'This host has no save dialog');
  },
  async openExternal() {
    throw new FolioError('UNSUPPORTED', 'This host cannot open external links');
  },
};

/** The one composition of the services behind every host (Electron, web host, CLI). */
export function createFolioService(store: LibraryStore, options: FolioServiceOptions): FolioService {
  const hub = new EventHub();
  const ctx = new ServiceContext(store, new KeyIndex(store.items()), hub, options.clock);
  const uiState = new UiStateStore(store.folder);
  const autoExport = new AutoExportService(ctx);
  const stopStatus = store.onWriteStatus((status) => {
    hub.emit('onStatus', { kind: status.ok ? 'write-ok' : 'write-error', message: status.message });
  });

  const api: FolioApi = {
    library: createLibraryMethods(ctx, options.host),
    collections: createCollectionMethods(ctx),
    notes: createNoteMethods(ctx),
    io: {
      importText: (request) => importText(ctx, request),
      undoImport: (batchId) => undoImport(ctx, batchId),
      export: async (request) => exportItems(ctx, request),
      citeCommand: async (ids, command) => citeCommand(ctx, ids, command),
      listAutoExports: async () => autoExport.list(),
      addAutoExport: (draft) => autoExport.add(draft),
      removeAutoExport: (id) => autoExport.remove(id),
    },
    keys: createKeyMethods(ctx),
    ui: {
      getState: () => uiState.read(),
      setState: (state) => uiState.write(state),
    },
    shell: options.shell ?? unsupportedShell,
  };

  return {
    api,
    hub,
    store,
    importWithOptions: (request, importOptions) => importText(ctx, request, importOptions),
    async dispose() {
      await autoExport.flush();
      autoExport.dispose();
      stopStatus();
      await store.close();
    },
  };
}

export async function openFolioService(folder: string, owner: LibraryOwner, options: FolioServiceOptions): Promise<FolioService> {
  const store = await openLibraryStore(folder, { owner });
  return createFolioService(store, options);
}
