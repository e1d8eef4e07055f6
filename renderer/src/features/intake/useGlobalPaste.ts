import { useEffect } from 'react';
import { modalOpen, useStore } from '../../store/index.ts';

function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * Pasting text while no field has focus previews an import of it: a Hugging Face or arXiv
 * listing, BibTeX, RIS or CSL-JSON. Nothing is added until the preview is confirmed.
 */
export function useGlobalPaste(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const s = useStore.getState();
      if (typingTarget(e.target) || typingTarget(document.activeElement) || modalOpen(s)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      void s.previewText(text, 'pasted text');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
