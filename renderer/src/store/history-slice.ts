import type { ConflictChoice, HistoryEntry, UndoResult, UndoStatus } from '../../../shared/api/sync-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { getFolio } from '../platform/index.ts';
import { historyFieldLabel } from './logic/history-fields.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export type DetailsTab = 'info' | 'history';

/** The history of the item on screen, and Edit › Undo / Redo (the host keeps both on disk). */
export interface HistorySlice {
  detailsTab: DetailsTab;
  /** The shown item's changes, newest first; null before they are asked for. */
  history: { itemId: ItemId; entries: HistoryEntry[] } | null;
  historyLoading: boolean;
  historyError: string | null;
  /** The entry a revert or a conflict choice is running for. */
  historyBusy: string | null;
  undoStatus: UndoStatus | null;
  setDetailsTab(tab: DetailsTab): void;
  loadHistory(itemId: ItemId): Promise<void>;
  /** Asks again for the shown history (after a change or an exchange), when the History tab shows one. */
  refreshHistory(): void;
  revertEntry(entry: HistoryEntry): Promise<void>;
  chooseConflict(entry: HistoryEntry, choice: ConflictChoice): Promise<void>;
  loadUndoStatus(): Promise<void>;
  /** A library change from the host: Undo's label and the shown history follow it (once per turn). */
  followLibraryChange(itemIds: readonly ItemId[] | 'all'): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => {
  // Answers can arrive out of order when the user arrows through the table.
  let requested: ItemId | null = null;
  let queued: { undo: boolean; history: boolean } | null = null;

  /** An undo, redo or revert changed items: the table, the pane and the history follow. */
  function applied(result: UndoResult): void {
    set({ undoStatus: result.status });
    if (result.itemIds.length === 0) return;
    get().refreshRows(result.itemIds);
    get().reloadDetailIfShown(result.itemIds);
    get().refreshHistory();
  }

  async function step(direction: 'undo' | 'redo'): Promise<void> {
    const before = get().undoStatus;
    const label = direction === 'undo' ? before?.undoLabel : before?.redoLabel;
    try {
      const result = await getFolio().history[direction](1);
      applied(result);
      if (result.steps === 0) get().pushToast('info', direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
      else get().pushToast('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${label ?? 'the last change'}`);
    } catch (error) {
      get().pushToast('error', `Could not ${direction}: ${errorMessage(error)}`);
    }
  }

  return {
    detailsTab: 'info',
    history: null,
    historyLoading: false,
    historyError: null,
    historyBusy: null,
    undoStatus: null,

    setDetailsTab(tab) {
      set({ detailsTab: tab });
      const id = get().detail?.id;
      if (tab === 'history' && id) void get().loadHistory(id);
    },

    async loadHistory(itemId) {
      requested = itemId;
      const current = get().history;
      // Keeps the list on screen while the same item's history is asked again.
      set({ historyLoading: true, historyError: null, ...(current?.itemId === itemId ? {} : { history: null }) });
      try {
        const entries = await getFolio().history.forItem(itemId);
        if (requested === itemId) set({ history: { itemId, entries }, historyLoading: false });
      } catch (error) {
        if (requested === itemId) set({ historyError: errorMessage(error), historyLoading: false });
      }
    },

    refreshHistory() {
      const id = get().detail?.id;
      if (get().detailsTab === 'history' && id) void get().loadHistory(id);
    },

    async revertEntry(entry) {
      set({ historyBusy: entry.id });
      try {
        applied(await getFolio().history.revert(entry.id));
        get().pushToast('info', `Reverted: ${historyFieldLabel(entry.field)}`);
      } catch (error) {
        get().pushToast('error', `Could not revert: ${errorMessage(error)}`);
      } finally {
        set({ historyBusy: null });
      }
    },

    async chooseConflict(entry, choice) {
      set({ historyBusy: entry.id });
      try {
        applied(await getFolio().history.chooseConflict(entry.id, choice));
      } catch (error) {
        get().pushToast('error', `Could not settle the conflict: ${errorMessage(error)}`);
      } finally {
        set({ historyBusy: null });
      }
    },

    async loadUndoStatus() {
      try {
        set({ undoStatus: await getFolio().history.undoStatus() });
      } catch {
        // An older host without history: Undo says so when asked.
      }
    },

    followLibraryChange(itemIds) {
      const shown = get().history?.itemId;
      const touchesShown = shown !== undefined && (itemIds === 'all' || itemIds.includes(shown));
      if (queued) {
        queued.history ||= touchesShown;
        return;
      }
      // Asked in the same turn as the change event (as rows are), not after a timer.
      queued = { undo: true, history: touchesShown };
      queueMicrotask(() => {
        const work = queued;
        queued = null;
        if (work?.undo) void get().loadUndoStatus();
        if (work?.history) get().refreshHistory();
      });
    },

    undo: () => step('undo'),
    redo: () => step('redo'),
  };
};
