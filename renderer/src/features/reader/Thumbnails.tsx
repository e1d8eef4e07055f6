import { useEffect, useRef } from 'react';
import type { PdfSession } from './pdf-session.ts';

const WIDTH = 120;

/**
 * One small canvas per page, drawn only while it is on screen (or near it) and emptied when it scrolls
 * away, so a 500-page book holds a few dozen thumbnails at most.
 */
export function Thumbnails({ session, page }: { session: PdfSession; page: number }) {
  const list = useRef<HTMLDivElement>(null);
  const count = session.document?.numPages ?? 0;

  useEffect(() => {
    const root = list.current;
    const doc = session.document;
    if (!root || !doc) return;
    const tasks = new Map<Element, { cancel(): void }>();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const canvas = entry.target.querySelector('canvas');
        if (!canvas) continue;
        if (!entry.isIntersecting) {
          tasks.get(entry.target)?.cancel();
          tasks.delete(entry.target);
          canvas.width = 0;
          canvas.height = 0;
          canvas.dataset.drawn = '';
          continue;
        }
        if (canvas.dataset.drawn === '1') continue;
        canvas.dataset.drawn = '1';
        const index = Number((entry.target as HTMLElement).dataset.index);
        void doc.getPage(index + 1).then((p) => {
          const base = p.getViewport({ scale: 1 });
          const viewport = p.getViewport({ scale: (WIDTH * window.devicePixelRatio) / base.width });
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          const task = p.render({ canvas, viewport });
          tasks.set(entry.target, task);
          return task.promise;
        }).catch(() => undefined);
      }
    }, { root, rootMargin: '300px 0px' });
    root.querySelectorAll('.reader-thumb').forEach((el) => observer.observe(el));
    return () => {
      observer.disconnect();
      tasks.forEach((t) => t.cancel());
    };
  }, [session, count]);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${page - 1}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [page]);

  return (
    <div className="reader-thumbs" ref={list} data-testid="reader-thumbnails">
      {Array.from({ length: count }, (_, i) => (
        <button
          key={i}
          type="button"
          className={`reader-thumb${i === page - 1 ? ' current' : ''}`}
          data-index={i}
          aria-label={`Page ${session.labelOf(i)}`}
          onClick={() => session.goToPage(i + 1)}
        >
          <canvas width={0} height={0} />
          <span className="reader-thumb-label">{session.labelOf(i)}</span>
        </button>
      ))}
    </div>
  );
}
