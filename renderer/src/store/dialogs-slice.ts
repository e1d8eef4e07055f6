import type { DuplicateCandidatePair } from '../../../shared/api/duplicates-types.ts';
import type { ExportScope } from '../../../shared/api/api-primitives.ts';
import type { ImportReport } from '../../../shared/api/io-types.ts';
import type { AddByIdentifiersResult } from '../../../shared/api/lookup-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { SliceCreator } from './store-types.ts';

/**
 * What is open over the library, one at a time. The Duplicates view takes the table's place rather than floating
 * over it, but it is open the same way: opening another dialog leaves it, and its merge dialog is its own kind (the
 * view stays behind it, and closing the merge returns to it).
 */
export type Dialog =
  | { kind: 'import' }
  | { kind: 'paste-bibtex' }
  | { kind: 'new-item' }
  | { kind: 'export'; scope: ExportScope; label: string }
  | { kind: 'import-report'; report: ImportReport }
  | { kind: 'import-preview'; text: string; fileName: string; report: ImportReport }
  | { kind: 'add-identifiers'; result: AddByIdentifiersResult | null }
  /** `tab`: the page it opens on (the sync status line opens Sync). */
  | { kind: 'settings'; tab?: 'general' | 'sync' }
  /** `savedSearch`: the targets following that saved search (collectionId is then null). */
  | { kind: 'auto-export'; collectionId: string | null; savedSearch?: string; label: string }
  | { kind: 'regenerate-keys'; ids: ItemId[] }
  | { kind: 'duplicates' }
  /** `items`: both items of the pair (a, b), null while they load. */
  | { kind: 'merge'; pair: DuplicateCandidatePair; items: [Item, Item] | null };

/** Whether the Duplicates view has the centre pane (with or without its merge dialog over it). */
export const duplicatesViewOpen = (s: { dialog: Dialog | null }): boolean => s.dialog?.kind === 'duplicates' || s.dialog?.kind === 'merge';

/** Whether a modal dialog has the keyboard (the Duplicates view alone is not modal). */
export const modalOpen = (s: { dialog: Dialog | null; confirm: ConfirmRequest | null }): boolean =>
  s.confirm !== null || (s.dialog !== null && s.dialog.kind !== 'duplicates');

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  danger: boolean;
}

export interface DialogsSlice {
  dialog: Dialog | null;
  confirm: ConfirmRequest | null;
  /** Bumped to ask the toolbar to focus the quick filter / open the file picker (menu commands, shortcuts). */
  filterFocusRequest: number;
  fileImportRequest: number;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  /** Resolves true when the user confirms, false when they cancel. */
  askConfirm(request: ConfirmRequest): Promise<boolean>;
  answerConfirm(ok: boolean): void;
  requestFilterFocus(): void;
  requestFileImport(): void;
}

export const createDialogsSlice: SliceCreator<DialogsSlice> = (set, get) => {
  let resolveConfirm: ((ok: boolean) => void) | null = null;
  return {
    dialog: null,
    confirm: null,
    filterFocusRequest: 0,
    fileImportRequest: 0,
    openDialog: (dialog) => set({ dialog }),
    // Closing the merge dialog goes back to the Duplicates view it was opened from.
    closeDialog: () => set({ dialog: get().dialog?.kind === 'merge' ? { kind: 'duplicates' } : null }),
    askConfirm(request) {
      resolveConfirm?.(false);
      set({ confirm: request });
      return new Promise<boolean>((resolve) => {
        resolveConfirm = resolve;
      });
    },
    answerConfirm(ok) {
      const resolve = resolveConfirm;
      resolveConfirm = null;
      set({ confirm: null });
      resolve?.(ok);
    },
    requestFilterFocus: () => set({ filterFocusRequest: get().filterFocusRequest + 1 }),
    requestFileImport: () => set({ fileImportRequest: get().fileImportRequest + 1 }),
  };
};
