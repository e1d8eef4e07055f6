import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { SyncEngine } from './sync-engine.ts';

/** The `sync` group. */
export function createSyncMethods(engine: SyncEngine): FolioApi['sync'] {
  return {
    status: () => engine.status(),
    configure: (folder, deviceName) => engine.configure(folder, deviceName),
    syncNow: () => engine.syncNow(),
  };
}
