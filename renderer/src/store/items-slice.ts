import type { ItemDraft } from '../../../shared/api/library-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { getFolio } from '../platform/index.ts';
import { PAGE_SIZE, type RowPages } from './logic/row-pages.ts';
import type { SelectionState } from './logic/selection.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface ItemsSlice {
  /** Soft delete: moves the items to the trash and selects the next row. */
  trashItems(ids: readonly ItemId[]): Promise<void>;
  restoreItems(ids: readonly ItemId[]): Promise<void>;
  /** Asks, then purges every trashed item. */
  emptyTrash(): Promise<void>;
  /** Asks, then purges the given trashed items. */
  purgeItems(ids: readonly ItemId[]): Promise<void>;
  createItem(draft: ItemDraft): Promise<Item | null>;
  addTags(ids: readonly ItemId[], tags: readonly string[]): Promise<void>;
  removeTags(ids: readonly ItemId[], tags: readonly string[]): Promise<void>;
}

const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** Where the first selected row sits among the rows the window holds (else the cursor's last known place). */
function firstSelectedIndex(pages: RowPages, selection: SelectionState, cursorIndex: number | null): number {
  let best = Number.POSITIVE_INFINITY;
  for (const [page, rows] of pages) {
    rows.forEach((row, i) => {
      if (selection.selected.has(row.id)) best = Math.min(best, page * PAGE_SIZE + i);
    });
  }
  return Number.isFinite(best) ? best : (cursorIndex ?? 0);
}

export const createItemsSlice: SliceCreator<ItemsSlice> = (set, get) => ({
  async trashItems(ids) {
    if (ids.length === 0) return;
    // After the rows leave the view, the row that takes the first one's place is selected, like a file manager.
    const index = firstSelectedIndex(get().pages, get().selection, get().cursorIndex);
    try {
      await getFolio().library.trash([...ids]);
      await get().refreshView();
      const next = await get().idAt(Math.min(index, get().total - 1));
      get().selectIds(next ? [next] : []);
      get().pushToast('info', `Moved ${plural(ids.length, 'item')} to the trash`);
    } catch (error) {
      get().pushToast('error', `Could not move to the trash: ${errorMessage(error)}`);
    }
  },

  async restoreItems(ids) {
    if (ids.length === 0) return;
    try {
      await getFolio().library.restore([...ids]);
      get().refreshRows(ids);
      get().selectIds([]);
      get().pushToast('info', `Restored ${plural(ids.length, 'item')}`);
    } catch (error) {
      get().pushToast('error', `Could not restore: ${errorMessage(error)}`);
    }
  },

  async purgeItems(ids) {
    if (ids.length === 0) return;
    const ok = await get().askConfirm({
      title: 'Delete permanently',
      message: `Permanently delete ${plural(ids.length, 'item')}, with their notes and attached files? This cannot be undone.`,
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return;
    try {
      const count = await getFolio().library.purge([...ids]);
      await get().reloadRows();
      get().selectIds([]);
      get().pushToast('info', `Deleted ${plural(count, 'item')} permanently`);
    } catch (error) {
      get().pushToast('error', `Could not delete: ${errorMessage(error)}`);
    }
  },

  async emptyTrash() {
    const trashed = get().counts.trash;
    if (trashed === 0) return;
    const ok = await get().askConfirm({
      title: 'Empty trash',
      message: `Permanently delete ${plural(trashed, 'item')} in the trash, with their notes and attached files? This cannot be undone.`,
      confirmLabel: 'Empty trash',
      danger: true,
    });
    if (!ok) return;
    try {
      const count = await getFolio().library.emptyTrash();
      await get().reloadRows();
      get().pushToast('info', `Deleted ${plural(count, 'item')} permanently`);
    } catch (error) {
      get().pushToast('error', `Could not empty the trash: ${errorMessage(error)}`);
    }
  },

  async createItem(draft) {
    try {
      const item = await getFolio().library.createItem(draft);
      get().putRows([toItemRow(item)], []);
      // A new item must be visible to be selected: leave trash or a foreign tag.
      const view = get().view;
      if (view === 'trash' || view.startsWith('tag:')) get().setView({ kind: 'all' });
      if (get().filter) get().setFilter('');
      get().selectIds([item.id]);
      return item;
    } catch (error) {
      get().pushToast('error', `Could not create the item: ${errorMessage(error)}`);
      return null;
    }
  },

  async addTags(ids, tags) {
    const clean = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
    if (ids.length === 0 || clean.length === 0) return;
    try {
      await getFolio().library.addTags([...ids], clean);
      get().refreshRows(ids);
      get().reloadDetailIfShown(ids);
    } catch (error) {
      get().pushToast('error', `Could not add the tag: ${errorMessage(error)}`);
    }
  },

  async removeTags(ids, tags) {
    if (ids.length === 0 || tags.length === 0) return;
    try {
      await getFolio().library.removeTags([...ids], [...tags]);
      get().refreshRows(ids);
      get().reloadDetailIfShown(ids);
    } catch (error) {
      get().pushToast('error', `Could not remove the tag: ${errorMessage(error)}`);
    }
  },
});

