import type { SavedSearchInfo } from '../../../shared/api/search-types.ts';
import { getFolio } from '../platform/index.ts';
import { parseView } from './logic/view.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

/** What the saved-search dialog is doing: saving the box's query as a new one, or editing one. */
export type SavedSearchEdit = { name: string; query: string; previousName: string | null };

export interface SavedSearchesSlice {
  /** In the library's order, each with its live count. */
  savedSearches: SavedSearchInfo[];
  /** The saved search whose name is edited inline in the sidebar. */
  renamingSaved: string | null;
  /** The open "Save search" / "Edit saved search" dialog. */
  savedSearchEdit: SavedSearchEdit | null;
  loadSavedSearches(): Promise<void>;
  /** Counts follow the library: a burst of changes asks once. */
  scheduleSavedCounts(): void;
  openSavedSearchEdit(edit: SavedSearchEdit | null): void;
  startRenameSaved(name: string | null): void;
  /** Adds or replaces (`previousName`); resolves the error message, or null when saved. */
  saveSearch(name: string, query: string, previousName: string | null): Promise<string | null>;
  renameSaved(name: string, next: string): Promise<void>;
  /** Asks, then deletes it (items are untouched). */
  deleteSaved(name: string): Promise<void>;
}

/** Counts re-run every saved query: after a change, wait for the burst to end. */
export const SAVED_COUNTS_DEBOUNCE_MS = 300;

export const createSavedSearchesSlice: SliceCreator<SavedSearchesSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** The sidebar shows `saved:<name>`; keep it pointing at the same search after a rename or delete. */
  const followView = (from: string, to: string | null) => {
    const view = parseView(get().view);
    if (view.kind !== 'saved' || view.name !== from) return;
    get().setView(to === null ? { kind: 'all' } : { kind: 'saved', name: to });
  };

  return {
    savedSearches: [],
    renamingSaved: null,
    savedSearchEdit: null,

    async loadSavedSearches() {
      try {
        set({ savedSearches: await getFolio().search.listSaved() });
      } catch (error) {
        get().pushToast('error', `Could not load saved searches: ${errorMessage(error)}`);
      }
    },

    scheduleSavedCounts() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void get().loadSavedSearches();
      }, SAVED_COUNTS_DEBOUNCE_MS);
    },

    openSavedSearchEdit: (savedSearchEdit) => set({ savedSearchEdit }),
    startRenameSaved: (renamingSaved) => set({ renamingSaved }),

    async saveSearch(name, query, previousName) {
      try {
        const saved = await getFolio().search.save(name, query, previousName);
        if (previousName !== null && previousName !== saved.name) followView(previousName, saved.name);
        await get().loadSavedSearches();
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },

    async renameSaved(name, next) {
      set({ renamingSaved: null });
      const clean = next.trim();
      const current = get().savedSearches.find((s) => s.name === name);
      if (!current || clean === '' || clean === name) return;
      const failed = await get().saveSearch(clean, current.query, name);
      if (failed) get().pushToast('error', `Could not rename "${name}": ${failed}`);
    },

    async deleteSaved(name) {
      const ok = await get().askConfirm({
        title: 'Delete saved search',
        message: `Delete the saved search “${name}”? The items it finds stay in the library.`,
        confirmLabel: 'Delete',
        danger: true,
      });
      if (!ok) return;
      try {
        await getFolio().search.removeSaved(name);
        followView(name, null);
      } catch (error) {
        get().pushToast('error', `Could not delete "${name}": ${errorMessage(error)}`);
      }
      await get().loadSavedSearches();
    },
  };
};
