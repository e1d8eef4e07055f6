import { useEffect } from 'react';
import { useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';
import type { PdfSession } from './pdf-session.ts';

/** Follows the store's jump requests (a click in the sidebar, a link from a note) for this tab. */
export function useReaderJumps(session: PdfSession | null, tab: ReaderTab): void {
  const jump = useStore((s) => (s.readerJump?.tabId === tab.id ? s.readerJump : null));
  useEffect(() => {
    if (!jump || !session) return;
    const go = () => {
      if (jump.annotationId) {
        const a = useStore.getState().annotationsByItem[tab.itemId]?.find((x) => x.id === jump.annotationId);
        if (a) session.showPoint(a.pageIndex, a.rect[0], a.rect[3]);
        else if (jump.pageIndex !== undefined) session.goToPage(jump.pageIndex + 1);
      } else if (jump.pageIndex !== undefined) {
        session.goToPage(jump.pageIndex + 1);
      }
    };
    // The pages exist once the viewer has initialised them (and applied the kept place, which a jump overrides).
    let cancelled = false;
    void session.pagesReady.then(() => requestAnimationFrame(() => {
      if (!cancelled) go();
    }));
    return () => {
      cancelled = true;
    };
  }, [jump, session, tab.itemId]);
}
