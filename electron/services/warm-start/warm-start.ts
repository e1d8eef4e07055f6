import { basename, join, resolve } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { LibraryInfo } from '../../../shared/api/library-types.ts';
import type { FolioService } from '../folio-service.ts';
import { EventHub } from '../event-hub.ts';
import {
  JOURNAL_FILE, LIBRARY_FILE, lockLibraryFolder, nodeStoreFs, openLibraryStore, readRowsCache, type RowsCache,
} from '../library-store/index.ts';
import type { LibraryOwner, LibraryStore } from '../library-store/library-store.ts';
import { UiStateStore } from '../ui-state-store.ts';
import { deferredApi } from './deferred-api.ts';
import { LibraryViewState } from '../view/library-view-state.ts';
import { SearchedViews, usesQueryLanguage } from '../view/searched-views.ts';
import type { ViewQuery } from '../../../shared/search/view-engine.ts';
import { createViewMethods } from '../view/view-methods.ts';

export interface WarmStartOptions {
  folder: string;
  owner: LibraryOwner;
  host: LibraryInfo['host'];
  /** See OpenLibraryStoreOptions.acceptSalvage. */
  acceptSalvage?: boolean;
  /** Called once the lock is held, before the rows cache is read: the web host prints its address then. */
  onLocked?: () => void;
  /** Builds the full service over the loaded store, around the hub handed out at once. */
  compose: (store: LibraryStore, hub: EventHub) => FolioService;
}

/**
 * Opens a library so its table can show at once: takes the lock (a locked library is refused
 * before anything is served), then, when rows-cache.json still matches library.json and the
 * journal, returns a service that lists rows from the cache while the library loads in the
 * background. Without a valid cache it waits for the load, as before.
 */
export async function openWarmService(options: WarmStartOptions): Promise<FolioService> {
  const root = resolve(options.folder);
  const lock = await lockLibraryFolder(root, options.owner);
  options.onLocked?.();
  let cache: RowsCache | null;
  try {
    cache = await readRowsCache(nodeStoreFs, root, { libraryFile: join(root, LIBRARY_FILE), journalFile: join(root, JOURNAL_FILE) });
  } catch {
    cache = null;
  }
  const hub = new EventHub();
  const loading = openLibraryStore(root, { owner: options.owner, lock, rowsCache: true, ...(options.acceptSalvage !== undefined ? { acceptSalvage: options.acceptSalvage } : {}) }).then((store) => options.compose(store, hub));
  if (!cache) return loading;
  return warmService(root, options.host, cache, hub, loading);
}

function warmService(root: string, host: LibraryInfo['host'], cache: RowsCache, hub: EventHub, loading: Promise<FolioService>): FolioService {
  let loaded: FolioService | null = null;
  const uiState = new UiStateStore(root);
  // The first window paints from the cached rows: filter and sort work on them before the library has loaded.
  const byId = new Map(cache.rows.map((r) => [r.id, r]));
  const cachedView = new LibraryViewState(() => cache.rows, (id) => byId.get(id));
  // Saved searches and box queries need the search index, which exists only once the library has loaded: those wait.
  const early = createViewMethods(cachedView, new SearchedViews(cachedView, () => null, { ready: () => false, generation: () => 0, rank: async () => null, matches: async (_q, ids) => ids.map(() => null) }));
  const needsIndex = (q: ViewQuery): boolean => q.view.startsWith('saved:') || usesQueryLanguage(q.filter);
  const { api, settled } = deferredApi(loading.then((service) => service.api), {
    'view.query': async (q, offset, limit) => (needsIndex(q) ? (await loading).api.view.query(q, offset, limit) : early.query(q, offset, limit)),
    'view.ids': async (q, offset, limit) => (needsIndex(q) ? (await loading).api.view.ids(q, offset, limit) : early.ids(q, offset, limit)),
    'view.locate': async (q, ids) => (needsIndex(q) ? (await loading).api.view.locate(q, ids) : early.locate(q, ids)),
    'view.counts': early.counts,
    'library.listRows': async () => cache.rows,
    'library.info': async () => ({
      path: root,
      name: basename(root),
      itemCount: cache.rows.length,
      schemaVersion: cache.schemaVersion,
      warnings: [],
      lastWriteError: null,
      // A cache is only used when library.json is exactly as written at the last clean close, so never damaged.
      salvage: null,
      host,
    }),
    'collections.list': async () => [...cache.collections],
    'ui.getState': () => uiState.read(),
    'ui.setState': (state) => uiState.write(state),
  });
  const ready = settled.then(async () => {
    const service = await loading;
    loaded = service;
    cachedView.dispose();
    // Build the loaded library's view now, not on the next keystroke.
    await service.api.view.counts();
    // Recovery at load (a damaged file that kept its size and mtime) means the cached rows were not the library.
    if (service.store.warnings.length > 0 || service.store.itemCount() !== cache.rows.length) {
      hub.emit('onLibraryChanged', { itemIds: 'all', collectionsChanged: true });
    }
  });
  // Callers learn of a failed load from ready or from their calls; this only keeps Node from calling it unhandled.
  ready.catch(() => undefined);
  const whenLoaded = (what: string): FolioService => {
    if (!loaded) throw new FolioError('INTERNAL', `The library ${root} is still loading: await service.ready before using service.${what}.`);
    return loaded;
  };
  return {
    api,
    hub,
    ready,
    get store() {
      return whenLoaded('store').store;
    },
    get papers() {
      return whenLoaded('papers').papers;
    },
    get search() {
      return whenLoaded('search').search;
    },
    importWithOptions: async (request, importOptions) => (await loading).importWithOptions(request, importOptions),
    loadHistory: async () => (await loading).loadHistory(),
    async dispose() {
      let service: FolioService;
      try {
        service = await loading;
      } catch {
        return; // A failed open has already released the lock.
      }
      await service.dispose();
    },
  };
}
