import { useEffect, useState } from 'react';
import type { AnnotationColor } from '../../../../shared/model/annotation.ts';
import { openExternal } from '../../platform/index.ts';
import { useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';
import { annotationAt, pagePoint } from './annotation-overlay.ts';
import { rectFromCorners } from './page-geometry.ts';
import type { PdfSession } from './pdf-session.ts';
import type { ReaderTool } from './ReaderToolbar.tsx';
import { draftFromSelection, selectionOnPage, selectionsOnPages } from './selection-draft.ts';

const NOTE_SIZE = 18;

export interface SelectionMenu {
  x: number;
  y: number;
}

export interface PageInteractions {
  menu: SelectionMenu | null;
  band: { left: number; top: number; width: number; height: number } | null;
  annotateSelection(type: 'highlight' | 'underline', color: AnnotationColor): void;
}

function pageAt(container: HTMLElement, target: EventTarget | null): { div: HTMLElement; index: number } | null {
  const div = target instanceof Element ? target.closest<HTMLElement>('.page') : null;
  if (!div || !container.contains(div)) return null;
  const index = Number(div.dataset.pageNumber) - 1;
  return Number.isInteger(index) && index >= 0 ? { div, index } : null;
}

/**
 * The mouse on the pages: a text selection offers the highlight toolbar, a click picks the annotation
 * under it, the note tool drops a note, the area tool drags a rectangle; links to the web leave only
 * through the external-link allowlist, never by navigating the window.
 */
export function usePageInteractions(session: PdfSession | null, tab: ReaderTab, tool: ReaderTool, onToolDone: () => void, host: HTMLElement | null): PageInteractions {
  const [menu, setMenu] = useState<SelectionMenu | null>(null);
  const [band, setBand] = useState<PageInteractions['band']>(null);

  useEffect(() => {
    if (!session || !host) return;
    const container = session.container;
    const store = useStore.getState;

    const onLinkClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('a') : null;
      if (!link || !container.contains(link)) return;
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#') || href === '') return;
      e.preventDefault();
      e.stopPropagation();
      void openExternal(link.href).then((ok) => { if (!ok) store().pushToast('error', `Folio does not open links like ${href.slice(0, 80)}`); });
    };

    const onMouseUp = (e: MouseEvent) => {
      if (tool !== 'select' || e.button !== 0) return;
      // Let the browser settle the selection first.
      setTimeout(() => {
        const sel = selectionOnPage(container);
        if (!sel) {
          setMenu(null);
          const hit = pageAt(container, e.target);
          const page = hit ? session.renderedPage(hit.index) : null;
          if (!hit || !page) return;
          const p = pagePoint(hit.div, e.clientX, e.clientY);
          const list = (store().annotationsByItem[tab.itemId] ?? []).filter((a) => a.attachmentId === tab.id);
          const a = annotationAt(page, list, p.x, p.y);
          store().selectAnnotations(tab.itemId, a ? [a.id] : []);
          return;
        }
        const rects = sel.range.getClientRects();
        const last = rects[rects.length - 1];
        const box = host.getBoundingClientRect();
        if (!last) return;
        setMenu({ x: Math.max(8, Math.min(last.right - box.left - 120, box.width - 260)), y: last.bottom - box.top + 6 });
      }, 0);
    };

    let start: { div: HTMLElement; index: number; x: number; y: number } | null = null;
    const onMouseDown = (e: MouseEvent) => {
      if (e.button !== 0) return;
      if (tool === 'select') {
        setMenu(null);
        return;
      }
      const hit = pageAt(container, e.target);
      const page = hit ? session.renderedPage(hit.index) : null;
      if (!hit || !page) return;
      e.preventDefault();
      const p = pagePoint(hit.div, e.clientX, e.clientY);
      if (tool === 'note') {
        const toPdf = (x: number, y: number) => page.viewport.convertToPdfPoint(x, y);
        const [x1 = 0, y2 = 0] = toPdf(p.x, p.y);
        void store().createAnnotation(tab.itemId, {
          attachmentId: tab.id, type: 'note', color: 'yellow', pageIndex: hit.index, pageLabel: session.labelOf(hit.index),
          quads: [], rect: [x1, y2 - NOTE_SIZE, x1 + NOTE_SIZE, y2], text: '', prefix: '', suffix: '', textOffset: -1,
        }).then((made) => { if (made) store().selectAnnotations(tab.itemId, [made.id]); });
        onToolDone();
        return;
      }
      start = { ...hit, ...p };
    };
    const onMouseMove = (e: MouseEvent) => {
      if (!start) return;
      const p = pagePoint(start.div, e.clientX, e.clientY);
      const pageBox = start.div.getBoundingClientRect();
      const hostBox = host.getBoundingClientRect();
      const ox = pageBox.left - hostBox.left + start.div.clientLeft;
      const oy = pageBox.top - hostBox.top + start.div.clientTop;
      setBand({ left: ox + Math.min(start.x, p.x), top: oy + Math.min(start.y, p.y), width: Math.abs(p.x - start.x), height: Math.abs(p.y - start.y) });
    };
    const onAreaUp = (e: MouseEvent) => {
      if (!start) return;
      const from = start;
      start = null;
      setBand(null);
      const page = session.renderedPage(from.index);
      const p = pagePoint(from.div, e.clientX, e.clientY);
      if (!page || Math.abs(p.x - from.x) < 4 || Math.abs(p.y - from.y) < 4) return;
      const rect = rectFromCorners(from, p, (x, y) => page.viewport.convertToPdfPoint(x, y));
      void store().createAnnotation(tab.itemId, {
        attachmentId: tab.id, type: 'area', color: 'blue', pageIndex: from.index, pageLabel: session.labelOf(from.index),
        quads: [], rect, text: '', prefix: '', suffix: '', textOffset: -1,
      }).then((made) => { if (made) store().selectAnnotations(tab.itemId, [made.id]); });
      onToolDone();
    };

    container.addEventListener('click', onLinkClick, true);
    container.addEventListener('mouseup', onMouseUp);
    container.addEventListener('mousedown', onMouseDown);
    window.addEventListener('mousemove', onMouseMove);
    window.addEventListener('mouseup', onAreaUp);
    return () => {
      container.removeEventListener('click', onLinkClick, true);
      container.removeEventListener('mouseup', onMouseUp);
      container.removeEventListener('mousedown', onMouseDown);
      window.removeEventListener('mousemove', onMouseMove);
      window.removeEventListener('mouseup', onAreaUp);
    };
  }, [session, tab, tool, onToolDone, host]);

  const annotateSelection = (type: 'highlight' | 'underline', color: AnnotationColor) => {
    if (!session) return;
    // One annotation per page the selection crosses.
    const parts = selectionsOnPages(session.container);
    setMenu(null);
    const drafts = parts.flatMap((sel) => draftFromSelection(session, sel, tab.id, type, color) ?? []);
    window.getSelection()?.removeAllRanges();
    if (drafts.length === 0) return;
    void (async () => {
      // One after the other: each is its own item commit.
      const made: string[] = [];
      for (const draft of drafts) {
        const a = await useStore.getState().createAnnotation(tab.itemId, draft);
        if (a) made.push(a.id);
      }
      useStore.getState().selectAnnotations(tab.itemId, made);
    })();
  };

  return { menu, band, annotateSelection };
}
