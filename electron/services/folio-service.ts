import { join } from 'node:path';
import type { FolioApi } from '../../shared/api/folio-api.ts';
import type { ImportReport, ImportRequest } from '../../shared/api/io-types.ts';
import type { LibraryInfo } from '../../shared/api/library-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { AutoExportService } from './auto-export-service.ts';
import { createBibliographyMethods } from './bibliography/bibliography-methods.ts';
import { BibliographyWorker } from './bibliography/bibliography-worker-client.ts';
import { CslStyleFiles } from './bibliography/csl-style-files.ts';
import { createSettingsMethods } from './bibliography/settings-methods.ts';
import { createCollectionMethods } from './collection-methods.ts';
import { EventHub } from './event-hub.ts';
import { citeCommand, exportItems, fixScope } from './export-service.ts';
import { importText, undoImport, type ImportOptions } from './import-service.ts';
import { KeyIndex } from '../../shared/library/key-index.ts';
import { createKeyMethods } from './key-methods.ts';
import { createLibraryMethods } from './library-methods.ts';
import type { LibraryOwner, LibraryStore } from './library-store/library-store.ts';
import { openLibraryStore } from './library-store/open-library-store.ts';
import { createNoteMethods } from './note-methods.ts';
import { createAnnotationMethods } from './annotations/annotation-methods.ts';
import { createPdfAnnotationMethods } from './pdf-annotations/pdf-annotation-methods.ts';
import { reanchorAfterImport } from './annotations/annotation-reanchor.ts';
import type { LookupOptions } from './lookup/metadata-fetcher.ts';
import { createIntakeServices, type IntakeServices } from './intake-services.ts';
import { ServiceContext } from './service-context.ts';
import { UiStateStore } from './ui-state-store.ts';
import { FulltextCache } from './fulltext/fulltext-cache.ts';
import { FulltextWorker } from './fulltext/fulltext-worker-client.ts';
import { INDEX_DIR, INDEX_FILE } from './search/index-file.ts';
import { LocalSearchEngine } from './search/search-engine.ts';
import { WorkerSearchEngine } from './search/search-worker-client.ts';
import { SearchIndexer } from './search/search-indexer.ts';
import { createSearchMethods, savedSearchIds } from './search/search-methods.ts';
import { createViewMethods } from './view/view-methods.ts';
import { SearchedViews } from './view/searched-views.ts';
import { ConnectorPairings } from './connector/connector-pairings.ts';
import { ChangeRecorder } from './sync/change-recorder.ts';
import { SyncEngine } from './sync/sync-engine.ts';
import { createSyncMethods } from './sync/sync-methods.ts';
import { createHistoryMethods } from './sync/history-methods.ts';
import { ContinuousSync } from './sync/continuous-sync.ts';

export interface FolioServiceOptions {
  host: LibraryInfo['host'];
  /**
   * A window's host: called as soon as the library's lock is held, before the library (or its rows cache) is
   * read. From then on no other process can open it, so the web host may hand out its address.
   */
  onLocked?: () => void;
  /** Host-specific: dialogs and the external-link allowlist live in the Electron adapter. */
  shell?: FolioApi['shell'];
  clock?: () => Date;
  /** Where the bibliography worker and Folio's CSL files are when the sources are bundled (Electron); defaults suit Node. */
  bibliography?: { workerPath?: string; stylesDir?: string };
  /** Metadata lookup hosts (tests point these at a local server). */
  lookup?: LookupOptions;
  /** The event hub to use, when the host subscribed to it before the library loaded (warm start). */
  hub?: EventHub;
  /**
   * Where the search index lives: a worker thread (the app: indexing never blocks the host) or this thread (a
   * one-shot command). Worker paths are passed when the sources are bundled (Electron).
   */
  search?: { inThread?: boolean; workerPath?: string; fulltextWorkerPath?: string; persistIndex?: boolean };
  /** See OpenLibraryStoreOptions.acceptSalvage. */
  acceptSalvage?: boolean;
  /** The browser extension's pairings, shared with the host's connector server; memory only when absent (CLI). */
  connector?: ConnectorPairings;
  /** Sync continuously with the configured sync folder (the app and the web host; a CLI command exchanges once). */
  continuousSync?: boolean;
  /** A one-shot command (the CLI): skips work that only pays off in a long-lived process. */
  oneShot?: boolean;
}

export interface FolioService {
  readonly api: FolioApi;
  readonly hub: EventHub;
  /** Resolves once the library is loaded; rejects with the FolioError if loading failed. api calls wait for it by themselves. */
  readonly ready: Promise<void>;
  /** Throws until `ready` has resolved (a warm start serves rows from the cache before the store exists). */
  readonly store: LibraryStore;
  /** importText with CLI-only options (batches, progress, cancel). */
  importWithOptions(request: ImportRequest, options: ImportOptions): Promise<ImportReport>;
  /** PDFs, lookups, duplicates and import jobs, for the CLI and the hosts. */
  readonly papers: IntakeServices;
  /** The search index and the full-text extraction behind it. */
  readonly search: SearchIndexer;
  /**
   * Loads the change history (log, replica, catch-up with the library) in slices of the event loop. A long-lived
   * host calls it once the library has loaded, so the first edit is logged at once instead of waiting for the load.
   */
  loadHistory(): Promise<void>;
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
  async chooseFolder() {
    throw new FolioError('UNSUPPORTED', 'This host has no folder picker; type the folder\'s path');
  },
  async openAttachment() {
    throw new FolioError('UNSUPPORTED', 'This host cannot open files; open the attachment URL instead');
  },
};

/** The one composition of the services behind every host (Electron, web host, CLI). */
export function createFolioService(store: LibraryStore, options: FolioServiceOptions): FolioService {
  const hub = options.hub ?? new EventHub();
  const ctx = new ServiceContext(store, new KeyIndex(store.items()), hub, options.clock);
  const recorder = new ChangeRecorder(store, (message) => hub.emit('onStatus', { kind: 'write-error', message }));
  ctx.commitObserver = recorder;
  const syncEngine = new SyncEngine(ctx, recorder);
  const stopSyncStatus = syncEngine.onStatus((status) => hub.emit('onSyncStatus', status));
  const continuous = options.continuousSync ? new ContinuousSync(syncEngine) : null;
  if (continuous) {
    recorder.onRecorded(() => continuous.changed());
    syncEngine.onConfigured(() => void continuous.follow().then(() => continuous.changed()));
    void continuous.start();
  }
  const uiState = new UiStateStore(store.folder);
  // One PDF worker thread: page text for the search and re-anchoring, annotation objects read from and written into PDFs.
  const fulltextWorker = new FulltextWorker(options.search?.fulltextWorkerPath);
  const pageTexts = { cache: new FulltextCache(store.folder), worker: fulltextWorker };
  const papers = createIntakeServices(ctx, options.lookup, fulltextWorker, (result) => reanchorAfterImport(ctx, pageTexts, result));
  const bibliographyWorker = new BibliographyWorker(options.bibliography?.workerPath);
  const searchEngine = options.search?.inThread ? new LocalSearchEngine() : new WorkerSearchEngine(options.search?.workerPath);
  // The index is saved in the library folder as derived data (checked against the library at each start); a one-shot
  // command waits for the cached PDF text too, where a host answers from the metadata index first.
  const search = new SearchIndexer(ctx, searchEngine, pageTexts, {
    indexFile: options.search?.persistIndex === false ? null : join(store.folder, INDEX_DIR, INDEX_FILE),
    textBeforeReady: options.oneShot ?? false,
  });
  // Exports, bibliographies and auto-exports reach saved searches through this, not through ServiceContext.
  const savedIds = (name: string) => savedSearchIds(ctx, search, name);
  const autoExport = new AutoExportService(ctx, savedIds);
  const pairings = options.connector ?? new ConnectorPairings(null);
  const stopPairing = pairings.onPrompt((prompt) => hub.emit('onConnectorPairing', prompt));
  const stopStatus = store.onWriteStatus((status) => {
    hub.emit('onStatus', { kind: status.warning ? 'library-warning' : status.ok ? 'write-ok' : 'write-error', message: status.message });
  });

  const api: FolioApi = {
    library: createLibraryMethods(ctx, options.host),
    view: createViewMethods(ctx.view, new SearchedViews(
      ctx.view,
      (name) => store.settings().savedSearches?.find((s) => s.name === name)?.query ?? null,
      {
        ready: () => {
          // The hosts build the index at start; a view asked first starts it too.
          if (!search.isReady()) void search.ready().catch(() => undefined);
          return search.isReady();
        },
        generation: () => search.generation(),
        rank: async (query, within) => {
          const outcome = await search.rank(query, within);
          return outcome.ok ? outcome.ids : null;
        },
        matches: (query, ids) => search.matches(query, ids),
      },
    )),
    collections: createCollectionMethods(ctx),
    notes: createNoteMethods(ctx),
    annotations: { ...createAnnotationMethods(ctx, pageTexts), ...createPdfAnnotationMethods(ctx, fulltextWorker) },
    io: {
      importText: (request) => papers.importText(request),
      cancelImport: async (jobId) => papers.cancelImport(jobId),
      undoImport: (batchId) => undoImport(ctx, batchId),
      export: async (request) => exportItems(ctx, { ...request, scope: await fixScope(ctx, request.scope, savedIds) }),
      citeCommand: async (ids, command) => citeCommand(ctx, ids, command),
      listAutoExports: async () => autoExport.list(),
      addAutoExport: (draft) => autoExport.add(draft),
      removeAutoExport: (id) => autoExport.remove(id),
      setAutoExportShared: (id, shared) => autoExport.setShared(id, shared),
    },
    keys: createKeyMethods(ctx),
    bibliography: createBibliographyMethods(ctx, bibliographyWorker, new CslStyleFiles(options.bibliography?.stylesDir), savedIds),
    settings: createSettingsMethods(ctx),
    ui: {
      getState: () => uiState.read(),
      setState: (state) => uiState.write(state),
    },
    shell: options.shell ?? unsupportedShell,
    search: createSearchMethods(ctx, search),
    ...papers.groups,
    connector: {
      pendingPairing: async () => pairings.pending(),
      answerPairing: (promptId, allow) => pairings.answer(promptId, allow),
    },
    sync: createSyncMethods(syncEngine),
    history: createHistoryMethods(ctx, recorder),
  };

  return {
    api,
    hub,
    ready: Promise.resolve(),
    store,
    importWithOptions: (request, importOptions) => importText(ctx, request, importOptions),
    papers,
    search,
    async loadHistory() {
      await recorder.loaded();
    },
    async dispose() {
      // Auto-exports may still run saved searches: flush them before the index goes.
      await autoExport.flush();
      autoExport.dispose();
      ctx.view.dispose();
      await search.dispose();
      await fulltextWorker.dispose();
      await bibliographyWorker.dispose();
      stopStatus();
      stopPairing();
      stopSyncStatus();
      continuous?.stop();
      await recorder.close();
      await store.close();
    },
  };
}

/**
 * Takes the library's lock (LOCKED fails here, at once) and returns a service. With a valid
 * rows cache it returns before the library has loaded: await `ready` before touching `store`.
 */
export async function openFolioService(folder: string, owner: LibraryOwner, options: FolioServiceOptions): Promise<FolioService> {
  // A one-shot command needs the whole library anyway: no rows cache to read at open or to write at close.
  if (owner === 'cli') {
    const store = await openLibraryStore(folder, { owner, ...(options.acceptSalvage !== undefined ? { acceptSalvage: options.acceptSalvage } : {}) });
    return createFolioService(store, options);
  }
  // Loaded here: the warm start serves a window, and brings the API's schemas with it.
  const { openWarmService } = await import('./warm-start/warm-start.ts');
  return openWarmService({
    folder,
    owner,
    host: options.host,
    ...(options.acceptSalvage !== undefined ? { acceptSalvage: options.acceptSalvage } : {}),
    ...(options.onLocked ? { onLocked: options.onLocked } : {}),
    compose: (store, hub) => createFolioService(store, { ...options, hub }),
  });
}
