import { memo, useCallback, useMemo, useRef } from 'react';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { ANNOTATION_COLORS, ANNOTATION_COLOR_HEX, type Annotation } from '../../../../shared/model/annotation.ts';
import { useStore } from '../../store/index.ts';
import { annotationTags, createAnnotationFilterMemo, NO_ANNOTATION_FILTER } from '../../store/logic/annotation-filter.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';
import { AnnotationEditor } from './AnnotationEditor.tsx';
import { AnnotationActions } from './AnnotationActions.tsx';
import { AnnotationCard, type PickModifiers } from './AnnotationCard.tsx';

const EMPTY: readonly Annotation[] = [];
const NONE: readonly string[] = [];
const ESTIMATED_ROW = 76;

/**
 * A row's height from its ResizeObserver entry, which arrives after layout. The default reads
 * getBoundingClientRect as each row mounts: a forced layout per row, 40 of them per keystroke.
 */
function measureRow(el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  return v.itemSizeCache.get(v.options.getItemKey(v.indexFromElement(el))) ?? ESTIMATED_ROW;
}

/** The item's annotations in page order: filter by colour, tag or text; click to jump; Ctrl/Shift+click to pick several. */
// Memoised: the reader re-renders on every page change while scrolling; the sidebar need not.
// `listReady`: false until the document's first page is drawn; the list waits, so opening a book with
// 1,000 annotations costs the first page nothing.
export const AnnotationsSidebar = memo(function AnnotationsSidebar({ tab, listReady }: { tab: ReaderTab; listReady: boolean }) {
  const all = useStore((s) => s.annotationsByItem[tab.itemId] ?? EMPTY);
  const filter = useStore((s) => s.annotationFilter[tab.itemId] ?? NO_ANNOTATION_FILTER);
  const selection = useStore((s) => s.annotationSelection[tab.itemId] ?? NONE);
  const memo = useMemo(createAnnotationFilterMemo, []);
  const shown = memo(all, filter);
  const tags = useMemo(() => annotationTags(all), [all]);
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<string | null>(null);
  const virtualizer = useVirtualizer({
    count: listReady ? shown.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    // By id: a row measured once keeps its height through every filter.
    getItemKey: (i) => shown[i]?.id ?? i,
    measureElement: measureRow,
    // A few rows beyond the window: each new row is a card (some with a rendered comment) for every keystroke
    // that changes the list, and keyboard and wheel scrolling move a few rows at a time.
    overscan: 3,
  });
  const s = useStore.getState;
  const picked = useMemo(() => new Set(selection), [selection]);
  const single = selection.length === 1 ? all.find((a) => a.id === selection[0]) : undefined;
  // The cards get one handler for good (they are memoised); it reads the list and selection of the moment.
  const latest = useRef({ shown, selection, picked });
  latest.current = { shown, selection, picked };

  const onPick = useCallback((a: Annotation, e: PickModifiers) => {
    const { shown: list, selection: current, picked: chosen } = latest.current;
    if (e.shiftKey && anchor.current) {
      const from = list.findIndex((x) => x.id === anchor.current);
      const to = list.findIndex((x) => x.id === a.id);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      s().selectAnnotations(tab.itemId, list.slice(Math.max(0, lo), hi + 1).map((x) => x.id));
      return;
    }
    anchor.current = a.id;
    if (e.ctrlKey || e.metaKey) {
      s().selectAnnotations(tab.itemId, chosen.has(a.id) ? current.filter((id) => id !== a.id) : [...current, a.id]);
      return;
    }
    s().selectAnnotations(tab.itemId, [a.id]);
    s().jumpInReader({ tabId: tab.id, annotationId: a.id });
  }, [s, tab.itemId, tab.id]);

  return (
    <aside className="reader-sidebar" aria-label="Annotations" data-testid="annotations-sidebar">
      <div className="reader-sidebar-filter">
        <input
          type="search"
          placeholder="Filter annotations"
          aria-label="Filter annotations"
          data-testid="annotations-filter"
          value={filter.text}
          onChange={(e) => s().setAnnotationFilter(tab.itemId, { text: e.target.value })}
        />
        <div className="reader-sidebar-colors" role="group" aria-label="Filter by colour">
          {ANNOTATION_COLORS.map((c) => {
            const on = filter.colors.includes(c);
            return (
              <button
                key={c}
                type="button"
                className={`swatch small${on ? ' on' : ''}`}
                aria-pressed={on}
                title={`Only ${c}`}
                data-testid={`annotations-filter-${c}`}
                style={{ background: ANNOTATION_COLOR_HEX[c] }}
                onClick={() => s().setAnnotationFilter(tab.itemId, { colors: on ? filter.colors.filter((x) => x !== c) : [...filter.colors, c] })}
              />
            );
          })}
          {tags.length > 0 ? (
            <select aria-label="Filter by tag" value={filter.tag ?? ''} onChange={(e) => s().setAnnotationFilter(tab.itemId, { tag: e.target.value || null })}>
              <option value="">Any tag</option>
              {tags.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          ) : null}
        </div>
        <div className="reader-sidebar-count muted" data-testid="annotations-count">
          {shown.length === all.length ? `${all.length} annotation${all.length === 1 ? '' : 's'}` : `${shown.length} of ${all.length}`}
        </div>
      </div>
      <div className="reader-sidebar-list" ref={scroller} role="listbox" aria-multiselectable="true" aria-label="Annotations in page order">
        {all.length === 0 ? <p className="muted reader-pane-empty">Select text to highlight it, or use the note and area tools.</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const a = shown[v.index];
            if (!a) return null;
            return <AnnotationCard key={a.id} annotation={a} index={v.index} start={v.start} selected={picked.has(a.id)} measure={virtualizer.measureElement} onPick={onPick} />;
          })}
        </div>
      </div>
      {all.length > 0 ? <AnnotationActions tab={tab} ids={selection} /> : null}
      {single ? <AnnotationEditor key={single.id} itemId={tab.itemId} annotation={single} /> : null}
    </aside>
  );
});
