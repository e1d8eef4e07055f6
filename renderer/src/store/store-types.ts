import type { StateCreator } from 'zustand';
import type { LibrarySlice } from './library-slice.ts';
import type { ViewSlice } from './view-slice.ts';
import type { CollectionsSlice } from './collections-slice.ts';
import type { ItemsSlice } from './items-slice.ts';
import type { DetailsSlice } from './details-slice.ts';
import type { NotesSlice } from './notes-slice.ts';
import type { PrefsSlice } from './prefs-slice.ts';
import type { StatusSlice } from './status-slice.ts';
import type { DialogsSlice } from './dialogs-slice.ts';
import type { IoSlice } from './io-slice.ts';
import type { CitingSlice } from './citing-slice.ts';
import type { SettingsSlice } from './settings-slice.ts';
import type { IntakeSlice } from './intake-slice.ts';
import type { DuplicatesSlice } from './duplicates-slice.ts';
import type { SavedSearchesSlice } from './saved-searches-slice.ts';
import type { SearchSlice } from './search-slice.ts';
import type { ConnectorSlice } from './connector-slice.ts';
import type { ReaderSlice } from './reader-slice.ts';
import type { AnnotationsSlice } from './annotations-slice.ts';
import type { SyncSlice } from './sync-slice.ts';
import type { HistorySlice } from './history-slice.ts';

export type Store = LibrarySlice & ViewSlice & CollectionsSlice & ItemsSlice & DetailsSlice & NotesSlice & PrefsSlice & StatusSlice & DialogsSlice & IoSlice & CitingSlice & SettingsSlice & IntakeSlice & DuplicatesSlice
  & SavedSearchesSlice & SearchSlice & ConnectorSlice & ReaderSlice & AnnotationsSlice & SyncSlice & HistorySlice;

/** Every slice sees the whole store (zustand's slices pattern). */
export type SliceCreator<Slice> = StateCreator<Store, [], [], Slice>;

/** A message for the user from a failed call: FolioError and Error carry one. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
