import type { FolioApi } from '../../../shared/api/folio-api.ts';
import { FolioError } from '../../../shared/api/api-error.ts';

// Placeholder while the engine lands on this branch: every call fails loudly, none answers made-up data.
const unbuilt = (): never => {
  throw new FolioError('UNSUPPORTED', 'Sync and history are not built into this version yet');
};

export const UNBUILT_SYNC: FolioApi['sync'] = { status: async () => unbuilt(), configure: async () => unbuilt(), syncNow: async () => unbuilt() };
export const UNBUILT_HISTORY: FolioApi['history'] = {
  forItem: async () => unbuilt(),
  revert: async () => unbuilt(),
  chooseConflict: async () => unbuilt(),
  undo: async () => unbuilt(),
  redo: async () => unbuilt(),
  undoStatus: async () => unbuilt(),
};
