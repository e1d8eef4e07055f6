import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { LibraryViewState } from './library-view-state.ts';

/** The `view` group: every answer is computed here, and only the asked range crosses to the window. */
export function createViewMethods(state: LibraryViewState): FolioApi['view'] {
  return {
    async query(query, offset, limit) {
      const result = state.engine().query(query);
      return { revision: result.revision, total: result.total, inViewCount: result.inViewCount, offset, rows: result.rows(offset, limit) };
    },
    async ids(query, offset, limit) {
      const result = state.engine().query(query);
      return { revision: result.revision, total: result.total, offset, ids: result.ids(offset, limit) };
    },
    async locate(query, ids) {
      const result = state.engine().query(query);
      return { revision: result.revision, indices: ids.map((id) => result.indexOf(id)) };
    },
    async counts() {
      return state.engine().counts();
    },
  };
}
