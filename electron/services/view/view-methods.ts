import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { LibraryViewState } from './library-view-state.ts';
import type { SearchedViews } from './searched-views.ts';

/** The `view` group: every answer is computed here, and only the asked range crosses to the window. */
export function createViewMethods(state: LibraryViewState, views: SearchedViews): FolioApi['view'] {
  return {
    async query(query, offset, limit) {
      const result = await views.resolve(query);
      const rows = result.rows(offset, limit);
      const matches = await views.matches(result, rows.map((r) => r.id));
      return { revision: result.revision, total: result.total, inViewCount: result.inViewCount, offset, rows, ...(matches ? { matches } : {}) };
    },
    async ids(query, offset, limit) {
      const result = await views.resolve(query);
      return { revision: result.revision, total: result.total, offset, ids: result.ids(offset, limit) };
    },
    async locate(query, ids) {
      const result = await views.resolve(query);
      return { revision: result.revision, indices: ids.map((id) => result.indexOf(id)) };
    },
    async counts() {
      return state.engine().counts();
    },
  };
}
