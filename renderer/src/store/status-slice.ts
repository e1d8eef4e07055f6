import type { SliceCreator } from './store-types.ts';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface StatusSlice {
  lastWriteError: string | null;
  /** The latest host status line (auto-export written, import progress ...). */
  statusMessage: string | null;
  warningsDismissed: boolean;
  toasts: Toast[];
  busy: string | null;
  setWriteError(message: string | null): void;
  setStatusMessage(message: string | null): void;
  dismissWarnings(): void;
  showWarnings(): void;
  pushToast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
  setBusy(label: string | null): void;
}

const TOAST_MS = { info: 3500, error: 8000 } as const;
const MAX_TOASTS = 4;

export const createStatusSlice: SliceCreator<StatusSlice> = (set, get) => {
  let nextId = 1;
  return {
    lastWriteError: null,
    statusMessage: null,
    warningsDismissed: false,
    toasts: [],
    busy: null,
    setWriteError: (lastWriteError) => set({ lastWriteError }),
    setStatusMessage: (statusMessage) => set({ statusMessage }),
    dismissWarnings: () => set({ warningsDismissed: true }),
    showWarnings: () => set({ warningsDismissed: false }),
    pushToast(kind, text) {
      const id = nextId++;
      set({ toasts: [...get().toasts, { id, kind, text }].slice(-MAX_TOASTS) });
      setTimeout(() => get().dismissToast(id), TOAST_MS[kind]);
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    setBusy: (busy) => set({ busy }),
  };
};
