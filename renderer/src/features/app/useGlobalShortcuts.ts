import { useEffect } from 'react';
import { hostKind } from '../../platform/index.ts';
import { modalOpen, selectedIds, useStore } from '../../store/index.ts';
import { runMenuCommand } from '../../store/startup.ts';
import type { MenuCommand } from '../../../../shared/api/event-types.ts';

const isEditable = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

/** The menu's accelerators, for the web host, which has no menu. Electron's menu sends them itself. */
function menuShortcut(e: KeyboardEvent): MenuCommand | null {
  const key = e.key.toLowerCase();
  if (key === 'n') return e.shiftKey ? 'new-collection' : 'new-item';
  if (key === 'o' && !e.shiftKey) return 'import';
  if (key === 'e' && !e.shiftKey) return 'export-library';
  if (key === 'v' && e.shiftKey && !isEditable(document.activeElement)) return 'paste-bibtex';
  // In a text field the browser undoes the typing itself.
  if (key === 'z' && !isEditable(document.activeElement)) return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey && !isEditable(document.activeElement)) return 'redo';
  return null;
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod || e.altKey) return;
      const s = useStore.getState();
      if (modalOpen(s)) return;
      const key = e.key.toLowerCase();
      // Focusing the filter is idempotent, so it is safe even when the menu sends it too.
      if (key === 'f' && !e.shiftKey) {
        e.preventDefault();
        if (s.activeTab !== null) s.requestReaderFind();
        else s.requestFilterFocus();
        return;
      }
      if (key === 'c' && e.shiftKey) {
        e.preventDefault();
        void s.copyCite(selectedIds(s));
        return;
      }
      if (hostKind() !== 'web') return;
      // A reader tab handles its own Undo and Redo keys (its annotation edits), never the library's as well.
      if (s.activeTab !== null && (key === 'z' || key === 'y')) return;
      const command = menuShortcut(e);
      if (command) {
        e.preventDefault();
        runMenuCommand(command);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
