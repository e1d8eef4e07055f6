import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { GRID_TEMPLATES, ROW_HEIGHT } from './columns.ts';
import { TableHeader } from './TableHeader.tsx';
import { TableRow } from './TableRow.tsx';
import { RowContextMenu } from './RowContextMenu.tsx';
import { TableEmptyState } from './TableEmptyState.tsx';
import { useTableKeyboard } from './useTableKeyboard.ts';
import './table.css';

export function LibraryTable() {
  const rows = useStore((s) => s.visibleRows);
  const cursor = useStore((s) => s.selection.cursor);
  const { loaded, multi, view } = useStore(useShallow((s) => ({ loaded: s.loaded, multi: s.selection.selected.size > 1, view: s.view })));
  const scroller = useRef<HTMLDivElement>(null);
  const onKeyDown = useTableKeyboard(scroller);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Index keys (the default): with fixed row heights nothing is measured, and
    // an id-keyed cache would cost a lookup per row on every filter keystroke.
  });

  // Keep the keyboard cursor in view, and bring a restored selection into view once rows arrive.
  // Not on every rows change: a library update must not yank the scroll position.
  useEffect(() => {
    if (cursor === null || !loaded) return;
    const index = useStore.getState().visibleRows.findIndex((r) => r.id === cursor);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [cursor, loaded, view, virtualizer]);

  return (
    <div
      className="item-table"
      role="grid"
      aria-label="Items"
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      data-testid="item-table"
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
      <TableHeader />
      <div ref={scroller} className="table-scroller">
        {rows.length === 0 ? (
          loaded ? <TableEmptyState /> : null
        ) : (
          <div className="table-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index];
              // Keyed by position: when the filter changes the rows, the ~40 row
              // elements are updated in place instead of being torn down and rebuilt.
              return row ? <TableRow key={v.index} row={row} index={v.index} top={v.start} /> : null;
            })}
          </div>
        )}
      </div>
      {menu ? <RowContextMenu x={menu.x} y={menu.y} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}
