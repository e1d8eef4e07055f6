export { useStore } from './use-store.ts';
export { startStore } from './startup.ts';
export { selectedIds, singleSelectedId } from './selectors.ts';
export type { Store } from './store-types.ts';
export type { View } from './logic/view.ts';
export type { Dialog } from './dialogs-slice.ts';
export { duplicatesViewOpen, modalOpen } from './dialogs-slice.ts';
export { parseView, viewKey } from './logic/view.ts';
export { isSearching, shownSort } from './view-slice.ts';
