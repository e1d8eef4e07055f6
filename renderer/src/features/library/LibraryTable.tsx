import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { rowAt } from '../../store/logic/row-pages.ts';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { GRID_TEMPLATES, ROW_HEIGHT, SNIPPET_ROW_HEIGHT } from './columns.ts';
import { SearchResultsBar } from './SearchResultsBar.tsx';
import { TableHeader } from './TableHeader.tsx';
import { PlaceholderRow, TableRow } from './TableRow.tsx';
import { RowContextMenu } from './RowContextMenu.tsx';
import { TableEmptyState } from './TableEmptyState.tsx';
import { useTableKeyboard } from './useTableKeyboard.ts';
import './table.css';

/**
 * The item table: the service filters and sorts, this paints the rows on screen from a bounded
 * page cache, asks for the pages it lacks as it scrolls and shows placeholders until they come.
 */
export function LibraryTable() {
  const { total, pages, shownFilter, shownSort, rowMatches } = useStore(useShallow((s) => ({
    total: s.total, pages: s.pages, shownFilter: s.shownQuery?.filter, shownSort: s.shownQuery?.sort.column, rowMatches: s.rowMatches,
  })));
  const cursorIndex = useStore((s) => s.cursorIndex);
  const { loaded, multi, view } = useStore(useShallow((s) => ({ loaded: s.loaded, multi: s.selection.selected.size > 1, view: s.view })));
  const scroller = useRef<HTMLDivElement>(null);
  const onKeyDown = useTableKeyboard(scroller);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    // A row with a snippet under it is taller; sizes come from what the pages say, nothing is measured in the DOM.
    estimateSize: (i) => (rowMatches.get(rowAt(pages, i)?.id ?? ('' as ItemId))?.snippet ? SNIPPET_ROW_HEIGHT : ROW_HEIGHT),
    overscan: 10,
  });
  // New answers may carry snippets (or drop them): the sizes are estimated again.
  useEffect(() => {
    virtualizer.measure();
  }, [rowMatches, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Ask for the pages on screen; again when an answer replaced the pages.
  useEffect(() => {
    useStore.getState().showRange(first, last);
  }, [first, last, pages, total]);

  // Keep the keyboard cursor in view, and bring a restored selection into view once rows arrive.
  // Not on every rows change: a library update must not yank the scroll position.
  useEffect(() => {
    if (cursorIndex === null || !loaded) return;
    virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, loaded, view, virtualizer]);

  return (
    <div
      className="item-table"
      role="grid"
      aria-label="Items"
      aria-rowcount={total + 1}
      aria-multiselectable="true"
      data-testid="item-table"
      data-total={total}
      data-shown-filter={shownFilter ?? undefined}
      data-shown-sort={shownSort}
      data-multi={multi || undefined}
      tabIndex={0}
      style={{
        ['--grid-full' as string]: GRID_TEMPLATES.full,
        ['--grid-medium' as string]: GRID_TEMPLATES.medium,
        ['--grid-narrow' as string]: GRID_TEMPLATES.narrow,
      }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => {
        // The row's own handler has already selected it when it was not selected.
        if (!(e.target as Element).closest('[data-item-id]')) return;
        e.preventDefault();
        setMenu({ x: e.clientX, y: e.clientY });
      }}
    >
      <SearchResultsBar />
      <TableHeader />
      <div ref={scroller} className="table-scroller">
        {total === 0 ? (
          loaded ? <TableEmptyState /> : null
        ) : (
          <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const row = rowAt(pages, v.index);
              // Keyed by position: when the answer changes, the ~40 row elements are updated in place.
              return row
                ? <TableRow key={v.index} row={row} index={v.index} top={v.start} />
                : <PlaceholderRow key={v.index} index={v.index} top={v.start} />;
            })}
          </div>
        )}
      </div>
      {menu ? <RowContextMenu x={menu.x} y={menu.y} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}
