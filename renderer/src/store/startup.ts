import type { MenuCommand } from '../../../shared/api/event-types.ts';
import type { UiState } from '../../../shared/api/ui-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { getFolio, hostKind } from '../platform/index.ts';
import { restoredCleanly, saveCleanStartWith, startRestoring } from './clean-start-flag.ts';
import { restorePlan } from './logic/clean-start.ts';
import { normalizeUiState } from './logic/ui-state.ts';
import { parseView } from './logic/view.ts';
import { modalOpen } from './dialogs-slice.ts';
import { singleSelectedId } from './selectors.ts';
import { persistUiState } from './ui-persistence.ts';
import { useStore } from './use-store.ts';

const get = useStore.getState;

/** What the Electron menu (and the same shortcuts in the web host) asks for. */
export function runMenuCommand(command: MenuCommand): void {
  const s = get();
  switch (command) {
    case 'import':
      // An Electron menu click is no user gesture in the page, and Chromium opens a
      // file chooser only for one: under Electron a dialog's button press comes first.
      if (hostKind() === 'electron') s.openDialog({ kind: 'import' });
      else s.requestFileImport();
      break;
    case 'paste-bibtex': s.openDialog({ kind: 'paste-bibtex' }); break;
    case 'new-item': s.openDialog({ kind: 'new-item' }); break;
    case 'new-collection': void s.createCollection(null); break;
    case 'focus-filter':
      if (s.activeTab !== null) s.requestReaderFind();
      else s.requestFilterFocus();
      break;
    case 'export-library': s.openDialog({ kind: 'export', scope: { kind: 'library' }, label: 'Whole library' }); break;
    case 'undo':
    case 'redo': undoOrRedo(command); break;
  }
}

const isEditable = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

/** Edit › Undo: the typing in a focused field first (the menu took the key from it), else the library's last change. */
function undoOrRedo(command: 'undo' | 'redo'): void {
  if (isEditable(document.activeElement)) {
    // Chromium still runs the field's own undo stack through execCommand; nothing replaces it for a menu's key.
    document.execCommand(command);
    return;
  }
  const s = get();
  if (modalOpen(s)) return;
  // In a reader tab, Undo and Redo are the reader's: they step through its annotation edits.
  const tab = s.readerTabs.find((t) => t.id === s.activeTab);
  if (tab) {
    void (command === 'undo' ? s.undoAnnotation(tab.itemId) : s.redoAnnotation(tab.itemId));
    return;
  }
  void (command === 'undo' ? s.undo() : s.redo());
}

async function loadSavedUiState(): Promise<UiState> {
  try {
    return normalizeUiState(await getFolio().ui.getState());
  } catch {
    return normalizeUiState(null);
  }
}

/** Applies the saved state, dropping collections that no longer exist. */
function restoreUiState(ui: UiState): void {
  const { collections } = get();
  const view = parseView(ui.view);
  const viewExists = view.kind !== 'collection' || collections.some((c) => c.id === view.id);
  const known = new Set(collections.map((c) => c.id as string));
  useStore.setState({
    view: viewExists ? ui.view : 'all',
    filter: ui.filter,
    expandedCollections: new Set(ui.expandedCollections.filter((id) => known.has(id))),
    sidebarWidth: ui.sidebarWidth,
    detailsWidth: ui.detailsWidth,
    noteMode: ui.noteMode,
    theme: ui.theme,
    readerPlaces: ui.readerPlaces ?? {},
    readerDarkPages: ui.readerDarkPages ?? true,
    // Set before the rows arrive, so 50k rows are sorted once, in the saved order.
    sort: ui.sort,
  });
}

function wireSelectionToDetails(): void {
  let shown: ItemId | null = null;
  const follow = (): void => {
    const id = singleSelectedId(get());
    if (id === shown) return;
    shown = id;
    void get().loadDetail(id);
    void get().openNote(id);
    if (id !== null && get().detailsTab === 'history') void get().loadHistory(id);
  };
  useStore.subscribe((state, prev) => {
    if (state.selection.selected !== prev.selection.selected) follow();
  });
  follow();
}

/** The box's query is checked as the user types, for the inline error line. */
function wireSearchBox(): void {
  useStore.subscribe((state, prev) => {
    if (state.filter !== prev.filter) get().validateQuery(state.filter);
  });
  if (get().filter) get().validateQuery(get().filter);
}

function wireHostEvents(): void {
  const { events } = getFolio();
  events.onLibraryChanged((event) => {
    get().applyLibraryChange(event);
    if (event.itemIds !== 'all') get().reloadDetailIfShown(event.itemIds, event.rows);
    if (event.collectionsChanged) void get().loadCollections();
    // Saved searches change with the settings (collectionsChanged); their counts only matter when there are some.
    if (event.collectionsChanged || get().savedSearches.length > 0) get().scheduleSavedCounts();
    get().scheduleRelatedRefresh();
    get().followLibraryChange(event.itemIds);
  });
  events.onSyncStatus((status) => get().onSyncStatus(status));
  events.onStatus((event) => {
    get().onBibliographyStatus(event);
    get().onAutoExportStatus(event);
    get().onSearchStatus(event);
    if (event.kind === 'write-error') get().setWriteError(event.message);
    // Progress has its own place in the status bar; only the last word stays as the status line.
    else if (event.kind === 'fulltext-progress' && (event.progress ?? 0) < 1) return;
    else if (event.kind === 'write-ok') get().setWriteError(null);
    // The warnings banner shows library.info().warnings: fetch them again, and show the banner even if it was dismissed.
    else if (event.kind === 'library-warning') void get().loadInfo().then(() => get().showWarnings());
    else get().setStatusMessage(event.message);
  });
  events.onMenuCommand(runMenuCommand);
  events.onConnectorPairing((prompt) => get().setPairingPrompt(prompt));
  events.onAnnotationsChanged((event) => get().applyAnnotationsChange(event));
}

/** Resolves once the restored selection's details and note have loaded and the window has painted them. */
function whenRestoredStateShown(): Promise<void> {
  const settled = (): boolean => {
    const s = get();
    const id = singleSelectedId(s);
    const detailDone = id === null || s.detail?.id === id || s.detailError !== null;
    return detailDone && s.note.status !== 'loading';
  };
  return new Promise<void>((resolve) => {
    const painted = (): void => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    if (settled()) return painted();
    const stop = useStore.subscribe(() => {
      if (!settled()) return;
      stop();
      painted();
    });
  });
}

/** Boots the store: saved UI state, library, collections, rows; then follows the host. */
export async function startStore(): Promise<void> {
  const [saved] = await Promise.all([loadSavedUiState(), get().loadInfo(), get().loadCollections()]);
  const plan = restorePlan(saved);
  const ui: UiState = { ...saved, noteMode: plan.noteMode, cleanStart: false };
  // Recorded before anything is shown, so a start that crashes or freezes is known to the next one.
  startRestoring();
  await getFolio().ui.setState(ui).catch(() => undefined);
  restoreUiState(ui);
  await get().reloadRows();
  // Without rows there is nothing to show: stay on the error screen.
  const failed = get().loadError;
  if (failed) throw new Error(failed);
  // Only ids the restored view still shows come back selected (and none after an unclean start); the table scrolls to the cursor.
  const restoredIds = (plan.selection ? ui.selectedItemIds.slice(0, 10_000) : []) as ItemId[];
  const indices = await get().locate(restoredIds).catch(() => restoredIds.map(() => -1));
  get().selectIds(restoredIds.filter((_, i) => (indices[i] ?? -1) >= 0));
  useStore.setState({ cursorIndex: indices.find((i) => i >= 0) ?? null, anchorIndex: indices.find((i) => i >= 0) ?? null });
  useStore.setState({ uiRestored: true });
  // After an unclean start the PDFs stay closed too: one of them may be what brought the window down.
  if (plan.selection) void get().restoreReaderTabs(ui.readerTabs ?? [], ui.activeReaderTab ?? null);
  const persistence = persistUiState(ui);
  saveCleanStartWith(() => persistence.flush());
  wireSelectionToDetails();
  wireSearchBox();
  if (plan.notice) get().pushToast('info', plan.notice);
  void whenRestoredStateShown().then(restoredCleanly);
  wireHostEvents();
  void get().loadPairingPrompt();
  void get().loadSavedSearches();
  void get().loadSyncStatus();
  void get().loadUndoStatus();
  const flushAll = (): void => {
    void get().flushNote();
    persistence.flush();
  };
  window.addEventListener('beforeunload', flushAll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAll();
  });
}
