import type { KeyboardEvent, RefObject } from 'react';
import { selectedIds, useStore } from '../../store/index.ts';
import { ROW_HEIGHT } from './columns.ts';

/**
 * Focuses the title field of the details pane (Enter in the table). The item
 * may still be loading right after a selection change, so it retries for a
 * few frames.
 */
export function focusDetails(attempts = 30): void {
  const title = document.querySelector<HTMLElement>('#details-pane [data-testid="field-title"]');
  if (title) {
    title.focus();
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusDetails(attempts - 1));
  else document.getElementById('details-pane')?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
}

/** Table keys as in a native list: arrows, Shift ranges, Home/End, PageUp/PageDown, Ctrl/Cmd+A, Delete, Enter (opens the PDF, or edits the title of an item without one). */
export function useTableKeyboard(scroller: RefObject<HTMLDivElement | null>) {
  return (e: KeyboardEvent<HTMLDivElement>) => {
    const s = useStore.getState();
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 20) / ROW_HEIGHT) - 1);
    const total = s.total;
    let delta: number;
    switch (e.key) {
      case 'ArrowDown': delta = 1; break;
      case 'ArrowUp': delta = -1; break;
      case 'PageDown': delta = page; break;
      case 'PageUp': delta = -page; break;
      case 'Home': delta = -total; break;
      case 'End': delta = total; break;
      case 'a':
      case 'A':
        if (!mod || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void s.selectAllVisible();
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        // In the trash, Delete means for good (after a confirmation).
        if (s.view === 'trash') void s.purgeItems(selectedIds(s));
        else void s.trashItems(selectedIds(s));
        return;
      case 'Enter': {
        if (s.selection.selected.size === 0) return;
        e.preventDefault();
        // One item with a PDF: read it; otherwise edit the title.
        const id = s.selection.selected.size === 1 ? s.selection.cursor ?? [...s.selection.selected][0] : null;
        if (id) void s.openReader(id).then((opened) => { if (!opened) focusDetails(); });
        else focusDetails();
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    void s.moveCursor(delta, e.shiftKey);
  };
}
