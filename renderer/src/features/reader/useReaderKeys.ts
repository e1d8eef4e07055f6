import { useEffect } from 'react';
import { modalOpen, useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';
import type { PdfSession } from './pdf-session.ts';

const isEditable = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

/** The reader's keys while its tab is in front: zoom, Back, undo/redo, delete the picked annotations. */
export function useReaderKeys(session: PdfSession | null, tab: ReaderTab, active: boolean, onEscape: () => void): void {
  useEffect(() => {
    if (!session || !active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const s = useStore.getState();
      if (modalOpen(s)) return;
      const mod = e.ctrlKey || e.metaKey;
      const editing = isEditable(document.activeElement);
      if (e.altKey && e.key === 'ArrowLeft' && !editing) {
        e.preventDefault();
        session.goBack();
        return;
      }
      if (mod && !e.altKey && (e.key === '+' || e.key === '=')) {
        e.preventDefault();
        session.zoom(1);
      } else if (mod && !e.altKey && (e.key === '-' || e.key === '_')) {
        e.preventDefault();
        session.zoom(-1);
      } else if (mod && !e.altKey && e.key === '0') {
        e.preventDefault();
        session.setScale('page-width');
      } else if (mod && !editing && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void (e.shiftKey ? s.redoAnnotation(tab.itemId) : s.undoAnnotation(tab.itemId));
      } else if (mod && !editing && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        void s.redoAnnotation(tab.itemId);
      } else if (mod && e.key === 'w') {
        e.preventDefault();
        s.closeReader(tab.id);
      } else if (!editing && (e.key === 'Delete' || e.key === 'Backspace')) {
        const ids = s.annotationSelection[tab.itemId] ?? [];
        if (ids.length === 0) return;
        e.preventDefault();
        void s.removeAnnotations(tab.itemId, ids);
      } else if (e.key === 'Escape' && !editing) {
        onEscape();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session, tab, active, onEscape]);

  // Ctrl+wheel (and a trackpad pinch, which Chromium reports as one) zooms around the pointer.
  useEffect(() => {
    if (!session) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      session.zoomBy(Math.exp(-e.deltaY / 300), [e.clientX, e.clientY]);
    };
    session.container.addEventListener('wheel', onWheel, { passive: false });
    return () => session.container.removeEventListener('wheel', onWheel);
  }, [session]);
}
