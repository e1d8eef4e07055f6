import { DEFAULT_UI_STATE, type UiState } from '../../../shared/api/ui-types.ts';
import { clampWidth, PANE_LIMITS } from './logic/ui-state.ts';
import type { SliceCreator } from './store-types.ts';

export type Theme = UiState['theme'];
export type NoteMode = UiState['noteMode'];

export interface PrefsSlice {
  sidebarWidth: number;
  detailsWidth: number;
  noteMode: NoteMode;
  theme: Theme;
  /** True once the saved UI state was applied; persistence starts only then. */
  uiRestored: boolean;
  setSidebarWidth(width: number): void;
  setDetailsWidth(width: number): void;
  setNoteMode(mode: NoteMode): void;
  setTheme(theme: Theme): void;
}

export const createPrefsSlice: SliceCreator<PrefsSlice> = (set) => ({
  sidebarWidth: DEFAULT_UI_STATE.sidebarWidth,
  detailsWidth: DEFAULT_UI_STATE.detailsWidth,
  noteMode: 'edit',
  theme: 'system',
  uiRestored: false,
  setSidebarWidth: (width) => set({ sidebarWidth: clampWidth(width, PANE_LIMITS.sidebar, DEFAULT_UI_STATE.sidebarWidth) }),
  setDetailsWidth: (width) => set({ detailsWidth: clampWidth(width, PANE_LIMITS.details, DEFAULT_UI_STATE.detailsWidth) }),
  setNoteMode: (noteMode) => set({ noteMode }),
  setTheme: (theme) => set({ theme }),
});
