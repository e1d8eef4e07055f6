import type { ItemPatch } from '../../../shared/api/library-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item, ItemRow } from '../../../shared/model/item.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface DetailsSlice {
  /** The item in the details pane (single selection), or null. */
  detail: Item | null;
  detailError: string | null;
  loadDetail(id: ItemId | null): Promise<void>;
  /** Reloads the shown item when it is among `ids`, unless `rows` show it is already up to date. */
  reloadDetailIfShown(ids: readonly ItemId[], rows?: readonly ItemRow[]): void;
  /** Saves a patch; CSL variables set to null are removed. Resolves false on failure. */
  patchItem(id: ItemId, patch: ItemPatch): Promise<boolean>;
  setCitationKey(id: ItemId, key: string): Promise<boolean>;
  setKeyPinned(id: ItemId, pinned: boolean): Promise<void>;
}

export const createDetailsSlice: SliceCreator<DetailsSlice> = (set, get) => {
  // Answers can arrive out of order when the user arrows through the table quickly.
  let requested: ItemId | null = null;
  // An edit's change event can arrive before its answer: the answer, not a second fetch, updates the pane.
  const saving = new Map<ItemId, number>();
  const newerSeen = new Map<ItemId, string>();
  async function saved(id: ItemId, call: () => Promise<Item>): Promise<void> {
    saving.set(id, (saving.get(id) ?? 0) + 1);
    try {
      const item = await call();
      applyItem(item);
      const seen = newerSeen.get(id);
      if (seen !== undefined && seen > item.modifiedAt) void get().loadDetail(id);
    } finally {
      const left = (saving.get(id) ?? 1) - 1;
      if (left > 0) saving.set(id, left);
      else {
        saving.delete(id);
        newerSeen.delete(id);
      }
    }
  }

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

    reloadDetailIfShown(ids, rows) {
      const detail = get().detail;
      if (!detail || !ids.includes(detail.id)) return;
      const row = rows?.find((r) => r.id === detail.id);
      if (row && saving.has(detail.id)) {
        newerSeen.set(detail.id, row.modifiedAt);
        return;
      }
      if (row && row.modifiedAt <= detail.modifiedAt) return;
      void get().loadDetail(detail.id);
    },

    async patchItem(id, patch) {
      try {
        await saved(id, () => getFolio().library.updateItem(id, patch));
        return true;
      } catch (error) {
        get().pushToast('error', `Could not save: ${errorMessage(error)}`);
        return false;
      }
    },

    async setCitationKey(id, key) {
      try {
        await saved(id, () => getFolio().keys.setKey(id, key.trim()));
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
