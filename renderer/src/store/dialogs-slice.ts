import type { ExportScope } from '../../../shared/api/api-primitives.ts';
import type { ImportReport } from '../../../shared/api/io-types.ts';
import type { SliceCreator } from './store-types.ts';
import type { BibliographyDialog } from './bibliography-dialogs.ts';

export type Dialog =
  | { kind: 'import' }
  | { kind: 'paste-bibtex' }
  | { kind: 'new-item' }
  | { kind: 'export'; scope: ExportScope; label: string }
  | { kind: 'import-report'; report: ImportReport }
  | BibliographyDialog;

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
    closeDialog: () => set({ dialog: null }),
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
