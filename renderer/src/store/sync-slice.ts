import type { KeyRename, SyncExchangeResult, SyncStatus } from '../../../shared/api/sync-types.ts';
import { getFolio, hostKind } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

/** This library's place in a sync folder: the status bar's line and Settings › Sync. */
export interface SyncSlice {
  /** The host's last word (sync.status or onSyncStatus); null until the first answer. */
  syncStatus: SyncStatus | null;
  /** Why sync.status could not be read, or null. */
  syncStatusError: string | null;
  /** A Sync now from this window is running. */
  syncRunning: boolean;
  /** What the last Sync now from this window did. */
  lastExchange: SyncExchangeResult | null;
  loadSyncStatus(): Promise<void>;
  /** A status pushed by the host. */
  onSyncStatus(status: SyncStatus): void;
  /** Joins `folder` (null: turns sync off) and/or renames the device (null: keeps it); resolves to the host's refusal, else null. */
  configureSync(folder: string | null, deviceName: string | null): Promise<string | null>;
  syncNow(): Promise<void>;
  /** Electron's folder picker; null when cancelled or when the host has none (the web host: the path is typed). */
  chooseSyncFolder(): Promise<string | null>;
}

const renameId = (r: KeyRename): string => `${r.itemId}|${r.at}`;
const renameText = (r: KeyRename): string => `Citation key ${r.from} is now ${r.to}: another device's item had it first`;
const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

export const createSyncSlice: SliceCreator<SyncSlice> = (set, get) => {
  // A key sync renamed is the one change of a key nobody asked for: said once, when it happens (not those from before this start).
  const announced = new Set<string>();
  let started = false;
  function announce(renames: readonly KeyRename[]): void {
    for (const rename of renames) {
      const id = renameId(rename);
      if (announced.has(id)) continue;
      announced.add(id);
      if (started) get().pushToast('info', renameText(rename));
    }
  }
  function took(status: SyncStatus): void {
    const before = get().syncStatus;
    announce(status.keyRenames);
    started = true;
    set({ syncStatus: status, syncStatusError: null });
    // Another device's changes may have reached the item on screen (a conflict, say): its history shows them.
    if (before && status.lastExchangeAt !== before.lastExchangeAt) get().refreshHistory();
  }

  return {
    syncStatus: null,
    syncStatusError: null,
    syncRunning: false,
    lastExchange: null,

    async loadSyncStatus() {
      try {
        took(await getFolio().sync.status());
      } catch (error) {
        set({ syncStatusError: errorMessage(error) });
      }
    },

    onSyncStatus: took,

    async configureSync(folder, deviceName) {
      try {
        took(await getFolio().sync.configure(folder, deviceName));
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    async syncNow() {
      if (get().syncRunning) return;
      set({ syncRunning: true });
      try {
        const result = await getFolio().sync.syncNow();
        set({ lastExchange: result });
        const conflicts = result.conflicts > 0 ? `, ${plural(result.conflicts, 'conflict')}` : '';
        get().pushToast('info', `Synced: sent ${result.sent.toLocaleString()}, received ${result.received.toLocaleString()}${conflicts}`);
        announce(result.keyRenames);
        await get().loadSyncStatus();
      } catch (error) {
        get().pushToast('error', `Sync failed: ${errorMessage(error)}`);
        await get().loadSyncStatus();
      } finally {
        set({ syncRunning: false });
      }
    },

    async chooseSyncFolder() {
      if (hostKind() !== 'electron') return null;
      try {
        return await getFolio().shell.chooseFolder('Choose the sync folder');
      } catch (error) {
        get().pushToast('error', `Could not open the folder picker: ${errorMessage(error)}`);
        return null;
      }
    },
  };
};
