import type { DuplicateCandidatePair, MergeRequest } from '../../../shared/api/duplicates-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { getFolio } from '../platform/index.ts';
import { duplicatesViewOpen } from './dialogs-slice.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export const pairKey = (p: DuplicateCandidatePair): string => `${p.a.id}|${p.b.id}`;

export interface DuplicatesSlice {
  duplicatePairs: DuplicateCandidatePair[];
  duplicatesLoading: boolean;
  checkedPairs: ReadonlySet<string>;
  /** Opens the Duplicates view (a kind of dialog: see dialogs-slice.ts) and looks for pairs. */
  openDuplicates(): Promise<void>;
  /** Leaves the Duplicates view (and its merge dialog), if it is open. */
  closeDuplicates(): void;
  loadDuplicates(): Promise<void>;
  toggleCheckedPair(key: string): void;
  setAllPairsChecked(checked: boolean): void;
  /** Opens the side-by-side merge dialog for a pair and loads both items. */
  startMerge(pair: DuplicateCandidatePair): Promise<void>;
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
  duplicatePairs: [],
  duplicatesLoading: false,
  checkedPairs: new Set(),

  async openDuplicates() {
    get().openDialog({ kind: 'duplicates' });
    await get().loadDuplicates();
  },
  closeDuplicates: () => {
    if (duplicatesViewOpen(get())) set({ dialog: null });
  },

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
    get().openDialog({ kind: 'merge', pair, items: null });
    const stillMerging = () => { const d = get().dialog; return d?.kind === 'merge' && d.pair === pair; };
    try {
      const [a, b] = await Promise.all([getFolio().library.getItem(pair.a.id), getFolio().library.getItem(pair.b.id)]);
      if (stillMerging()) get().openDialog({ kind: 'merge', pair, items: [a, b] });
    } catch (error) {
      if (stillMerging()) get().closeDialog();
      get().pushToast('error', `Could not open the pair: ${errorMessage(error)}`);
    }
  },

  async mergeDuplicates(request) {
    try {
      const kept = await getFolio().duplicates.merge(request);
      if (get().dialog?.kind === 'merge') get().closeDialog();
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
      if (get().dialog?.kind === 'merge') get().closeDialog();
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
