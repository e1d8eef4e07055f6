import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolioBridge } from '../../../shared/api/folio-api.ts';
import type { HistoryEntry, KeyRename, SyncStatus, UndoResult, UndoStatus } from '../../../shared/api/sync-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { asItemId, type ItemId } from '../../../shared/model/ids.ts';
import type { Store } from './store-types.ts';

// The slices reach the host through platform/getFolio, which takes window.folio (the preload's bridge) when there is one.
const calls: string[] = [];
const answers = {
  status: null as SyncStatus | null,
  history: new Map<string, () => Promise<HistoryEntry[]>>(),
  undo: null as (() => Promise<UndoResult>) | null,
  undoStatus: { canUndo: true, canRedo: false, undoLabel: 'Remove tag ml from 3 items', redoLabel: null, undoDepth: 1, redoDepth: 0 } as UndoStatus,
};
const bridge = {
  sync: {
    status: async () => { calls.push('sync.status'); return answers.status!; },
    configure: async (folder: string | null, name: string | null) => {
      calls.push(`sync.configure ${folder} ${name}`);
      if (folder === '/nope') throw new FolioError('INVALID', 'The sync folder /nope is inside the library folder');
      return { ...answers.status!, folder, deviceName: name ?? answers.status!.deviceName };
    },
    syncNow: async () => { calls.push('sync.syncNow'); return { sent: 1, received: 2, conflicts: 1, devices: 2, keyRenames: [], problems: [] }; },
  },
  history: {
    forItem: (id: ItemId) => { calls.push(`history.forItem ${id}`); return answers.history.get(id)!(); },
    undo: () => { calls.push('history.undo'); return answers.undo!(); },
    redo: async () => { calls.push('history.redo'); return { steps: 0, itemIds: [], status: answers.undoStatus }; },
    undoStatus: async () => { calls.push('history.undoStatus'); return answers.undoStatus; },
    revert: async () => { throw new Error('not used'); },
    chooseConflict: async () => { throw new Error('not used'); },
  },
  shell: { chooseFolder: async () => '/home/me/Sync/folio' },
};
(globalThis as { window?: unknown }).window = { folio: bridge as unknown as FolioBridge };
const { create } = await import('zustand');
const { createStatusSlice } = await import('./status-slice.ts');
const { createSyncSlice } = await import('./sync-slice.ts');
const { createHistorySlice } = await import('./history-slice.ts');
// Only the slices under test and the status slice they toast through (the whole store needs a DOM, for the sanitiser).
const useStore = create<Store>()((...a) => ({
  ...createStatusSlice(...a),
  ...createSyncSlice(...a),
  ...createHistorySlice(...a),
  detail: null,
}) as unknown as Store);

const A = asItemId('it_a');
const B = asItemId('it_b');
const rename = (n: number): KeyRename => ({ itemId: asItemId(`it_${n}`), from: 'smith2020', to: 'smith2020a', keptBy: A, at: `2026-03-10T12:00:0${n}.000Z` });
const entry = (itemId: ItemId, id: string): HistoryEntry => ({
  id, itemId, time: '2026-03-10T12:00:00.000Z', deviceId: 'd1', deviceName: 'Laptop', field: 'title', oldValue: 'Old', newValue: 'New',
  oldText: 'Old', newText: 'New', conflict: null, undo: false, revertible: true,
});
const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  folder: '/sync', deviceId: 'd1', deviceName: 'Laptop', state: 'idle', lastExchangeAt: '2026-03-10T12:00:00.000Z', devices: [],
  lastError: null, problems: [], pendingSend: 0, openConflicts: 0, keyRenames: [], ...over,
});
const toastTexts = () => useStore.getState().toasts.map((t) => t.text);
const deferred = <T,>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
};

beforeEach(() => {
  calls.length = 0;
  useStore.setState({ toasts: [], detailsTab: 'info', history: null, historyError: null, refreshRows: vi.fn(), reloadDetailIfShown: vi.fn() });
});

describe('the sync slice', () => {
  it('announces a key sync renamed once, when it happens, and not the renames from before this start', async () => {
    answers.status = status({ keyRenames: [rename(1)] });
    await useStore.getState().loadSyncStatus();
    expect(toastTexts()).toEqual([]);
    useStore.getState().onSyncStatus(status({ keyRenames: [rename(2), rename(1)] }));
    useStore.getState().onSyncStatus(status({ keyRenames: [rename(2), rename(1)], lastExchangeAt: '2026-03-10T12:01:00.000Z' }));
    expect(toastTexts()).toEqual(["Citation key smith2020 is now smith2020a: another device's item had it first"]);
  });

  it('answers the host\'s refusal of a folder as text, and keeps the status it had', async () => {
    answers.status = status({ folder: null, state: 'off' });
    await useStore.getState().loadSyncStatus();
    expect(await useStore.getState().configureSync('/nope', null)).toBe('The sync folder /nope is inside the library folder');
    expect(useStore.getState().syncStatus?.folder).toBeNull();
    expect(await useStore.getState().configureSync('/home/me/Sync/folio', null)).toBeNull();
    expect(useStore.getState().syncStatus?.folder).toBe('/home/me/Sync/folio');
  });

  it('says what Sync now did, and asks for the status after it', async () => {
    await useStore.getState().syncNow();
    expect(toastTexts()).toEqual(['Synced: sent 1, received 2, 1 conflict']);
    expect(calls).toEqual(['sync.syncNow', 'sync.status']);
    expect(useStore.getState().syncRunning).toBe(false);
  });
});

describe('the history slice', () => {
  it('shows the history of the item asked last, whatever order the answers come in', async () => {
    const first = deferred<HistoryEntry[]>();
    answers.history.set(A, () => first.promise);
    answers.history.set(B, async () => [entry(B, 'b1')]);
    const a = useStore.getState().loadHistory(A);
    await useStore.getState().loadHistory(B);
    first.resolve([entry(A, 'a1')]);
    await a;
    expect(useStore.getState().history).toEqual({ itemId: B, entries: [entry(B, 'b1')] });
  });

  it('undoes one step, names it, and refreshes the rows and the pane it touched', async () => {
    answers.undo = async () => ({ steps: 1, itemIds: [A, B], status: { ...answers.undoStatus, canUndo: false, undoLabel: null, undoDepth: 0 } });
    await useStore.getState().loadUndoStatus();
    await useStore.getState().undo();
    expect(toastTexts()).toEqual(['Undone: Remove tag ml from 3 items']);
    expect(useStore.getState().refreshRows).toHaveBeenCalledWith([A, B]);
    expect(useStore.getState().reloadDetailIfShown).toHaveBeenCalledWith([A, B]);
    expect(useStore.getState().undoStatus?.canUndo).toBe(false);
    await useStore.getState().redo();
    expect(toastTexts()).toContain('Nothing to redo');
  });

  it('says why an undo failed', async () => {
    answers.undo = async () => { throw new FolioError('IO', 'library.json is read-only'); };
    await useStore.getState().undo();
    expect(toastTexts()).toEqual(['Could not undo: library.json is read-only']);
  });

  it('follows a burst of library changes with one undo-status call and one history reload', async () => {
    answers.history.set(A, async () => [entry(A, 'a2')]);
    useStore.setState({ detailsTab: 'history', history: { itemId: A, entries: [] }, detail: { id: A } as never });
    calls.length = 0;
    const s = useStore.getState();
    s.followLibraryChange([B]);
    s.followLibraryChange([A]);
    s.followLibraryChange('all');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.sort()).toEqual(['history.forItem it_a', 'history.undoStatus']);
    expect(useStore.getState().history?.entries).toEqual([entry(A, 'a2')]);
  });
});
