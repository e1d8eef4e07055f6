import type { ItemId } from '../../../shared/model/ids.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export type NoteStatus = 'idle' | 'loading' | 'editing' | 'saving' | 'saved' | 'error';

export interface NoteState {
  itemId: ItemId | null;
  text: string;
  status: NoteStatus;
  error: string | null;
}

export interface NotesSlice {
  note: NoteState;
  /** Saves the current note if needed, then loads the note of `itemId`. */
  openNote(itemId: ItemId | null): Promise<void>;
  /** Updates the text and schedules a save (debounced). */
  editNote(text: string): void;
  /** Saves pending edits now (blur, item switch, window close). */
  flushNote(): Promise<void>;
}

export const NOTE_SAVE_DELAY_MS = 400;

export const createNotesSlice: SliceCreator<NotesSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The text last confirmed by the host, per item: a save is needed only when the text differs.
  let savedText = '';
  let inFlight: Promise<void> = Promise.resolve();

  async function save(itemId: ItemId, text: string): Promise<void> {
    if (text === savedText) {
      if (get().note.itemId === itemId && get().note.status === 'editing') set({ note: { ...get().note, status: 'saved' } });
      return;
    }
    if (get().note.itemId === itemId) set({ note: { ...get().note, status: 'saving' } });
    try {
      await getFolio().notes.save(itemId, text);
      if (get().note.itemId === itemId) {
        savedText = text;
        // Typing may have continued while the request was out.
        if (get().note.text === text) set({ note: { ...get().note, status: 'saved', error: null } });
      }
      get().refreshRows([itemId]);
    } catch (error) {
      if (get().note.itemId === itemId) set({ note: { ...get().note, status: 'error', error: errorMessage(error) } });
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const { itemId, text, status } = get().note;
    if (itemId === null || status === 'loading' || status === 'idle') return inFlight;
    // Saves are chained so an older text never lands after a newer one.
    inFlight = inFlight.then(() => save(itemId, text));
    return inFlight;
  }

  return {
    note: { itemId: null, text: '', status: 'idle', error: null },

    async openNote(itemId) {
      if (get().note.itemId === itemId) return;
      await flush();
      savedText = '';
      if (itemId === null) {
        set({ note: { itemId: null, text: '', status: 'idle', error: null } });
        return;
      }
      set({ note: { itemId, text: '', status: 'loading', error: null } });
      try {
        const text = await getFolio().notes.get(itemId);
        if (get().note.itemId !== itemId) return;
        savedText = text;
        set({ note: { itemId, text, status: 'saved', error: null } });
      } catch (error) {
        if (get().note.itemId === itemId) set({ note: { itemId, text: '', status: 'error', error: errorMessage(error) } });
      }
    },

    editNote(text) {
      const note = get().note;
      if (note.itemId === null || note.status === 'loading') return;
      set({ note: { ...note, text, status: 'editing' } });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), NOTE_SAVE_DELAY_MS);
    },

    flushNote: flush,
  };
};
