import type { DuplicateCandidatePair, MergeRequest } from '../../../shared/api/duplicates-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export const pairKey = (p: DuplicateCandidatePair): string => `${p.a.id}|${p.b.id}`;

export interface DuplicatesSlice {
  /** The Duplicates view replaces the item table while open. */
  duplicatesOpen: boolean;
  duplicatePairs: DuplicateCandidatePair[];
  duplicatesLoading: boolean;
  checkedPairs: ReadonlySet<string>;
  /** The pair in the side-by-side merge dialog. */
  mergingPair: DuplicateCandidatePair | null;
  /** Both items of the pair, loaded for the side-by-side view (a, b). */
  mergingItems: [Item, Item] | null;
  openDuplicates(): Promise<void>;
  closeDuplicates(): void;
  loadDuplicates(): Promise<void>;
  toggleCheckedPair(key: string): void;
  setAllPairsChecked(checked: boolean): void;
  startMerge(pair: DuplicateCandidatePair | null): Promise<void>;
  mergeDuplicates(request: MergeRequest): Promise<void>;
  markNotDuplicate(a: ItemId, b: ItemId): Promise<void>;
  /** Merges every checked pair, keeping the older (and fuller) item's fields. */
  mergeCheckedPairs(): Promise<void>;
}

/** The older item of a pair is kept by default: it is the one already cited in drafts. */
function keepOlder(p: DuplicateCandidatePair): { keepId: ItemId; otherId: ItemId } {
  return p.a.addedAt <= p.b.addedAt ? { keepId: p.a.id, otherId: p.b.id } : { keepId: p.b.id, otherId: p.a.id };
}

export const createDuplicatesSlice: SliceCreator<DuplicatesSlice> = (set, get) => ({
  duplicatesOpen: false,
  duplicatePairs: [],
  duplicatesLoading: false,
  checkedPairs: new Set(),
  mergingPair: null,
  mergingItems: null,

  async openDuplicates() {
    set({ duplicatesOpen: true });
    await get().loadDuplicates();
  },
  closeDuplicates: () => set({ duplicatesOpen: false, mergingPair: null, mergingItems: null }),

  async loadDuplicates() {
    set({ duplicatesLoading: true });
    try {
      const pairs = await getFolio().duplicates.find();
      const keys = new Set(pairs.map(pairKey));
      set({ duplicatePairs: pairs, checkedPairs: new Set([...get().checkedPairs].filter((k) => keys.has(k))) });
    } catch (error) {
      get().pushToast('error', `Could not look for duplicates: ${errorMessage(error)}`);
    } finally {
      set({ duplicatesLoading: false });
    }
  },

  toggleCheckedPair(key) {
    const next = new Set(get().checkedPairs);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    set({ checkedPairs: next });
  },
  setAllPairsChecked: (checked) => set({ checkedPairs: checked ? new Set(get().duplicatePairs.map(pairKey)) : new Set() }),
  async startMerge(pair) {
    set({ mergingPair: pair, mergingItems: null });
    if (!pair) return;
    try {
      const [a, b] = await Promise.all([getFolio().library.getItem(pair.a.id), getFolio().library.getItem(pair.b.id)]);
      if (get().mergingPair === pair) set({ mergingItems: [a, b] });
    } catch (error) {
      set({ mergingPair: null, mergingItems: null });
      get().pushToast('error', `Could not open the pair: ${errorMessage(error)}`);
    }
  },

  async mergeDuplicates(request) {
    try {
      const kept = await getFolio().duplicates.merge(request);
      set({ mergingPair: null, mergingItems: null });
      get().refreshRows([request.keepId, request.otherId]);
      get().pushToast('info', `Merged into ${kept.citationKey}; the other copy is in the trash`);
      await get().loadDuplicates();
    } catch (error) {
      get().pushToast('error', `Could not merge: ${errorMessage(error)}`);
    }
  },

  async markNotDuplicate(a, b) {
    try {
      await getFolio().duplicates.markNotDuplicate(a, b);
      set({ mergingPair: null, mergingItems: null });
      await get().loadDuplicates();
    } catch (error) {
      get().pushToast('error', `Could not save: ${errorMessage(error)}`);
    }
  },

  async mergeCheckedPairs() {
    const pairs = get().duplicatePairs.filter((p) => get().checkedPairs.has(pairKey(p)));
    if (pairs.length === 0) return;
    try {
      const merged = await getFolio().duplicates.mergeMany(pairs.map(keepOlder));
      await get().reloadRows();
      set({ checkedPairs: new Set() });
      get().pushToast('info', `Merged ${merged.length.toLocaleString()} pair${merged.length === 1 ? '' : 's'}; the other copies are in the trash`);
      await get().loadDuplicates();
    } catch (error) {
      get().pushToast('error', `Could not merge: ${errorMessage(error)}`);
    }
  },
});
