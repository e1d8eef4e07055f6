import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Annotation } from '../../../../shared/model/annotation.ts';
import { useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';
import { annotationsByPage, drawAnnotationLayer } from './annotation-overlay.ts';
import { PdfSession, type SessionState } from './pdf-session.ts';

const EMPTY: readonly Annotation[] = [];
const NONE: readonly string[] = [];
const LOADING: SessionState = {
  status: 'loading', error: null, pageCount: 0, page: 1, pageLabel: '1', scale: 1, scaleValue: 'page-width',
  find: { query: '', current: 0, total: 0, status: '' }, canGoBack: false, painted: false,
};

/**
 * The pdf.js session of a tab. Its scroll container is made here, not by React: pdf.js's viewer
 * listens on it for good, so each session gets a fresh one, removed with it.
 */
export function useReaderSession(tab: ReaderTab, host: RefObject<HTMLDivElement | null>): PdfSession | null {
  const [session, setSession] = useState<PdfSession | null>(null);
  useEffect(() => {
    const root = host.current;
    if (!root) return;
    const container = document.createElement('div');
    container.className = 'reader-scroll';
    container.dataset.testid = 'reader-scroll';
    container.tabIndex = 0;
    const viewer = document.createElement('div');
    viewer.className = 'pdfViewer';
    container.append(viewer);
    root.prepend(container);
    const created = new PdfSession(container, viewer);
    const place = useStore.getState().readerPlaces[tab.attachment.sha256] ?? null;
    void created.open(tab.url, place, tab.folioDrawn);
    setSession(created);
    return () => {
      setSession(null);
      void created.destroy().finally(() => container.remove());
    };
    // folioDrawn is made with the tab and never changes for it.
  }, [tab.url, tab.attachment.sha256, tab.folioDrawn, host]);
  return session;
}

export function useSessionState(session: PdfSession | null): SessionState {
  return useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getState ?? (() => LOADING));
}
const noSubscribe = () => () => undefined;

/**
 * Keeps each drawn page's annotation layer in step with the item's annotations and the selection.
 * `firstPageDone`: the first page is drawn (or the file failed). The item's annotations are fetched only then: with
 * 1,000 of them the answer is 400 kB of JSON that the host would serialise between the PDF's byte ranges and this
 * thread would parse before the first page; the drawn pages get their layers when it comes.
 */
export function useAnnotationLayers(session: PdfSession | null, tab: ReaderTab, firstPageDone: boolean): void {
  const annotations = useStore((s) => s.annotationsByItem[tab.itemId] ?? EMPTY);
  const selection = useStore((s) => s.annotationSelection[tab.itemId] ?? NONE);
  // Grouped once per change of the list, not per page event: a page draws only its own annotations.
  const byPage = useMemo(() => annotationsByPage(annotations, tab.id), [annotations, tab.id]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const latest = useRef({ byPage, selected });
  latest.current = { byPage, selected };

  useEffect(() => {
    if (firstPageDone) void useStore.getState().loadAnnotations(tab.itemId);
  }, [tab.itemId, firstPageDone]);

  useEffect(() => {
    if (!session) return;
    return session.onPage((page) => drawAnnotationLayer(page, latest.current.byPage.get(page.pageIndex) ?? EMPTY, latest.current.selected));
  }, [session]);

  useEffect(() => {
    if (!session) return;
    // Only pages pdf.js has drawn (a dozen at most); the others get their layer when they are drawn.
    for (const page of session.drawnPages()) drawAnnotationLayer(page, byPage.get(page.pageIndex) ?? EMPTY, selected);
  }, [session, byPage, selected]);
}

/** Remembers the page and zoom of the PDF (by content hash), for the next time it opens. */
export function useRememberPlace(session: PdfSession | null, state: SessionState, sha256: string): void {
  useEffect(() => {
    if (!session || state.status !== 'ready') return;
    useStore.getState().rememberReaderPlace(sha256, state.page, state.scaleValue);
  }, [session, state.status, state.page, state.scaleValue, sha256]);
}
