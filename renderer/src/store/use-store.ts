import { create } from 'zustand';
import { createLibrarySlice } from './library-slice.ts';
import { createViewSlice } from './view-slice.ts';
import { createCollectionsSlice } from './collections-slice.ts';
import { createItemsSlice } from './items-slice.ts';
import { createDetailsSlice } from './details-slice.ts';
import { createNotesSlice } from './notes-slice.ts';
import { createPrefsSlice } from './prefs-slice.ts';
import { createStatusSlice } from './status-slice.ts';
import { createDialogsSlice } from './dialogs-slice.ts';
import { createIoSlice } from './io-slice.ts';
import { createCitingSlice } from './citing-slice.ts';
import { createSettingsSlice } from './settings-slice.ts';
import { createIntakeSlice } from './intake-slice.ts';
import { createDuplicatesSlice } from './duplicates-slice.ts';
import { createSavedSearchesSlice } from './saved-searches-slice.ts';
import { createSearchSlice } from './search-slice.ts';
import { createConnectorSlice } from './connector-slice.ts';
import { createReaderSlice } from './reader-slice.ts';
import { createAnnotationsSlice } from './annotations-slice.ts';
import { createSyncSlice } from './sync-slice.ts';
import { createHistorySlice } from './history-slice.ts';
import type { Store } from './store-types.ts';

/** The one store, combined from slices once. */
export const useStore = create<Store>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createViewSlice(...a),
  ...createCollectionsSlice(...a),
  ...createItemsSlice(...a),
  ...createDetailsSlice(...a),
  ...createNotesSlice(...a),
  ...createPrefsSlice(...a),
  ...createStatusSlice(...a),
  ...createDialogsSlice(...a),
  ...createIoSlice(...a),
  ...createCitingSlice(...a),
  ...createSettingsSlice(...a),
  ...createIntakeSlice(...a),
  ...createDuplicatesSlice(...a),
  ...createSavedSearchesSlice(...a),
  ...createSearchSlice(...a),
  ...createConnectorSlice(...a),
  ...createReaderSlice(...a),
  ...createAnnotationsSlice(...a),
  ...createSyncSlice(...a),
  ...createHistorySlice(...a),
}));
