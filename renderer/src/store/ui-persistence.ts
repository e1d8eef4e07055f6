import { READER_TABS_MAX, type UiState } from '../../../shared/api/ui-types.ts';
import { getFolio } from '../platform/index.ts';
import { cleanStartFlag } from './clean-start-flag.ts';
import type { Store } from './store-types.ts';
import { useStore } from './use-store.ts';

const SAVE_DELAY_MS = 500;
// Ctrl+A on 50k rows would otherwise write a megabyte of ids on every change.
const MAX_PERSISTED_SELECTION = 10_000;

export function uiSnapshot(s: Store): UiState {
  return {
    view: s.view,
    selectedItemIds: [...s.selection.selected].slice(0, MAX_PERSISTED_SELECTION),
    sort: s.sort,
    expandedCollections: [...s.expandedCollections],
    sidebarWidth: s.sidebarWidth,
    detailsWidth: s.detailsWidth,
    noteMode: s.noteMode,
    theme: s.theme,
    filter: s.filter,
    cleanStart: cleanStartFlag(),
    readerPlaces: s.readerPlaces,
    readerDarkPages: s.readerDarkPages,
    readerTabs: s.readerTabs.slice(0, READER_TABS_MAX).map((t) => ({ itemId: t.itemId, attachmentId: t.id })),
    activeReaderTab: s.activeTab,
  };
}

/** The parts of the store that UiState holds; a change in any schedules a save. */
function persistedParts(s: Store): readonly unknown[] {
  return [s.view, s.selection.selected, s.sort, s.expandedCollections, s.sidebarWidth, s.detailsWidth, s.noteMode, s.theme, s.filter, s.readerPlaces, s.readerDarkPages, s.readerTabs, s.activeTab];
}

/**
 * Saves the window's state (debounced) whenever it changes, so a restart
 * brings back the view, selection, sort, filter, panes and theme.
 * Returns `flush` for window close.
 */
export function persistUiState(initial: UiState): { flush(): void } {
  let lastSaved = JSON.stringify(initial);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const save = (): void => {
    timer = null;
    const snapshot = uiSnapshot(useStore.getState());
    const json = JSON.stringify(snapshot);
    if (json === lastSaved) return;
    lastSaved = json;
    getFolio().ui.setState(snapshot).catch(() => {
      // Losing a UI-state save is harmless; try again on the next change.
      lastSaved = '';
    });
  };

  useStore.subscribe((state, prev) => {
    const now = persistedParts(state);
    const before = persistedParts(prev);
    if (now.every((v, i) => v === before[i])) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });

  return {
    flush() {
      if (timer) clearTimeout(timer);
      save();
    },
  };
}
