import type { ItemPatch } from '../../../shared/api/library-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface DetailsSlice {
  /** The item in the details pane (single selection), or null. */
  detail: Item | null;
  detailError: string | null;
  loadDetail(id: ItemId | null): Promise<void>;
  reloadDetailIfShown(ids: readonly ItemId[]): void;
  /** Saves a patch; CSL variables set to null are removed. Resolves false on failure. */
  patchItem(id: ItemId, patch: ItemPatch): Promise<boolean>;
  setCitationKey(id: ItemId, key: string): Promise<boolean>;
  setKeyPinned(id: ItemId, pinned: boolean): Promise<void>;
}

export const createDetailsSlice: SliceCreator<DetailsSlice> = (set, get) => {
  // Answers can arrive out of order when the user arrows through the table quickly.
  let requested: ItemId | null = null;

  function applyItem(item: Item): void {
    if (get().detail?.id === item.id) set({ detail: item });
    get().putRows([toItemRow(item)], []);
  }

  return {
    detail: null,
    detailError: null,

    async loadDetail(id) {
      requested = id;
      if (id === null) {
        set({ detail: null, detailError: null });
        return;
      }
      try {
        const item = await getFolio().library.getItem(id);
        if (requested === id) set({ detail: item, detailError: null });
      } catch (error) {
        if (requested === id) set({ detail: null, detailError: errorMessage(error) });
      }
    },

    reloadDetailIfShown(ids) {
      const shown = get().detail?.id;
      if (shown && ids.includes(shown)) void get().loadDetail(shown);
    },

    async patchItem(id, patch) {
      try {
        applyItem(await getFolio().library.updateItem(id, patch));
        return true;
      } catch (error) {
        get().pushToast('error', `Could not save: ${errorMessage(error)}`);
        return false;
      }
    },

    async setCitationKey(id, key) {
      try {
        applyItem(await getFolio().keys.setKey(id, key.trim()));
        return true;
      } catch (error) {
        get().pushToast('error', `Could not change the key: ${errorMessage(error)}`);
        return false;
      }
    },

    async setKeyPinned(id, pinned) {
      try {
        await getFolio().keys.pin([id], pinned);
        get().reloadDetailIfShown([id]);
      } catch (error) {
        get().pushToast('error', `Could not ${pinned ? 'pin' : 'unpin'} the key: ${errorMessage(error)}`);
      }
    },
  };
};
