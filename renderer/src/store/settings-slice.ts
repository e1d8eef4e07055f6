import type { AutoExportDraft, AutoExportStatus } from '../../../shared/api/io-types.ts';
import type { StatusEvent } from '../../../shared/api/event-types.ts';
import type { SettingsPatch } from '../../../shared/api/settings-types.ts';
import type { LibrarySettings } from '../../../shared/model/library-doc.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

/** The library's settings (key pattern, cite command, ...) and its auto-export targets. */
export interface SettingsSlice {
  settings: LibrarySettings | null;
  autoExports: AutoExportStatus[];
  loadSettings(): Promise<void>;
  /** Saves; resolves to the error message when the host refuses the change, else null. */
  saveSettings(patch: SettingsPatch): Promise<string | null>;
  loadAutoExports(): Promise<void>;
  addAutoExport(draft: AutoExportDraft): Promise<string | null>;
  removeAutoExport(id: string): Promise<void>;
  setAutoExportShared(id: string, shared: boolean): Promise<void>;
  /** Host status events about auto-export runs. */
  onAutoExportStatus(event: StatusEvent): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: null,
  autoExports: [],

  async loadSettings() {
    try {
      set({ settings: await getFolio().settings.get() });
    } catch (error) {
      get().pushToast('error', `Could not read the settings: ${errorMessage(error)}`);
    }
  },

  async saveSettings(patch) {
    try {
      set({ settings: await getFolio().settings.update(patch) });
      get().pushToast('info', 'Settings saved');
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async loadAutoExports() {
    try {
      set({ autoExports: await getFolio().io.listAutoExports() });
    } catch (error) {
      get().pushToast('error', `Could not list auto-exports: ${errorMessage(error)}`);
    }
  },

  async addAutoExport(draft) {
    try {
      // A target that cannot be written is still added; its failure arrives as an 'auto-export-error' toast.
      await getFolio().io.addAutoExport(draft);
      await get().loadAutoExports();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async removeAutoExport(id) {
    try {
      await getFolio().io.removeAutoExport(id);
      await get().loadAutoExports();
    } catch (error) {
      get().pushToast('error', `Could not remove the auto-export: ${errorMessage(error)}`);
    }
  },

  async setAutoExportShared(id, shared) {
    try {
      await getFolio().io.setAutoExportShared(id, shared);
      await get().loadAutoExports();
    } catch (error) {
      get().pushToast('error', `Could not change the auto-export: ${errorMessage(error)}`);
    }
  },

  onAutoExportStatus(event) {
    if (event.kind === 'auto-export-error') {
      get().pushToast('error', event.message);
      void get().loadAutoExports();
    } else if (event.kind === 'auto-export' && get().dialog?.kind === 'auto-export') {
      void get().loadAutoExports();
    }
  },
});
