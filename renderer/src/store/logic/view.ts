// The view vocabulary is shared with the service, which filters and sorts (shared/search/view-engine.ts).
export { parseView, rowInView, rowsInView, viewKey, type View } from '../../../../shared/search/library-view.ts';
