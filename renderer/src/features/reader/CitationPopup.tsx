import { useEffect, useRef, useState } from 'react';
import { findIdentifiers, type FoundIdentifier } from '../../../../shared/formats/identifiers/index.ts';
import { useStore } from '../../store/index.ts';
import { destinationFromHref, resolveDestination, textBelow, type LinkTarget } from './link-destination.ts';
import type { PdfSession } from './pdf-session.ts';

const HOVER_DELAY_MS = 250;
const WIDTH = 420;
const HEIGHT = 170;

interface Preview {
  left: number;
  top: number;
  target: LinkTarget;
  text: string;
  identifiers: FoundIdentifier[];
}

/**
 * Hovering an internal link (a citation [12], a figure or an equation reference) previews where it leads:
 * a crop of the target page around the destination and the text found there. A DOI or arXiv id in that
 * text can be added to the library (the add-by-identifier path, queued while offline).
 */
export function CitationPopup({ session, host }: { session: PdfSession; host: HTMLElement }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const over = useRef(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let current: HTMLAnchorElement | null = null;
    const hideSoon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => { if (!over.current) setPreview(null); }, 300);
    };
    const onOver = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('.annotationLayer a') : null;
      if (!link || link === current) return;
      current = link;
      const dest = destinationFromHref(link.getAttribute('href') ?? '');
      if (!dest || !session.document) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        void (async () => {
          const doc = session.document;
          if (!doc) return;
          const target = await resolveDestination(doc, dest);
          if (!target || current !== link) return;
          const page = await doc.getPage(target.pageIndex + 1);
          const content = await page.getTextContent();
          const text = textBelow(content.items as { str: string; transform: number[]; hasEOL?: boolean }[], target.y);
          const identifiers = findIdentifiers(text).filter((f) => f.kind === 'doi' || f.kind === 'arxiv');
          const r = link.getBoundingClientRect();
          const box = host.getBoundingClientRect();
          const left = Math.max(8, Math.min(r.left - box.left, box.width - WIDTH - 8));
          const below = r.bottom - box.top + 6;
          const top = below + HEIGHT + 90 > box.height ? Math.max(8, r.top - box.top - HEIGHT - 96) : below;
          setPreview({ left, top, target, text, identifiers });
        })().catch(() => undefined);
      }, HOVER_DELAY_MS);
    };
    const onOut = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('.annotationLayer a') : null;
      if (!link) return;
      current = null;
      hideSoon();
    };
    const container = session.container;
    container.addEventListener('mouseover', onOver);
    container.addEventListener('mouseout', onOut);
    container.addEventListener('scroll', () => setPreview(null), { passive: true });
    return () => {
      if (timer) clearTimeout(timer);
      container.removeEventListener('mouseover', onOver);
      container.removeEventListener('mouseout', onOut);
    };
  }, [session, host]);

  // Draws the part of the target page from the destination down.
  useEffect(() => {
    const el = canvas.current;
    const doc = session.document;
    if (!preview || !el || !doc) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    void doc.getPage(preview.target.pageIndex + 1).then((page) => {
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const scale = (WIDTH / base.width) * 1.6;
      const viewport = page.getViewport({ scale: scale * ratio });
      const [, topY = 0] = preview.target.y === null ? [0, 0] : viewport.convertToViewportPoint(0, preview.target.y);
      const [leftX = 0] = preview.target.x === null ? [0] : viewport.convertToViewportPoint(preview.target.x, 0);
      el.width = WIDTH * ratio;
      el.height = HEIGHT * ratio;
      const dx = Math.min(Math.max(0, leftX - 12 * ratio), Math.max(0, viewport.width - el.width));
      const dy = Math.max(0, topY - 8 * ratio);
      task = page.render({ canvas: el, viewport, transform: [1, 0, 0, 1, -dx, -dy] });
      return task.promise;
    }).catch(() => undefined);
    return () => task?.cancel();
  }, [preview, session]);

  if (!preview) return null;
  return (
    <div
      className="citation-popup"
      data-testid="citation-popup"
      style={{ left: preview.left, top: preview.top, width: WIDTH }}
      onMouseEnter={() => { over.current = true; }}
      onMouseLeave={() => { over.current = false; setPreview(null); }}
    >
      <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} aria-hidden="true" />
      <div className="citation-popup-foot">
        <span className="muted">Page {session.labelOf(preview.target.pageIndex)}</span>
        <span className="citation-popup-text" data-testid="citation-popup-text">{preview.text}</span>
        {preview.identifiers.length > 0 ? (
          <button
            type="button"
            className="primary small"
            data-testid="citation-add"
            title={preview.identifiers.map((f) => f.value).join(', ')}
            onClick={() => void useStore.getState().addByIdentifiers(preview.identifiers.map((f) => f.value).join('\n'))}
          >
            Add to library
          </button>
        ) : null}
      </div>
    </div>
  );
}
