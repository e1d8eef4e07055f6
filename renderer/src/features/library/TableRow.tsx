import { memo, useMemo, type DragEvent, type MouseEvent } from 'react';
import type { RowMatch } from '../../../../shared/api/view-types.ts';
import type { ItemRow } from '../../../../shared/model/item.ts';
import { highlightRanges } from '../../../../shared/search/highlight.ts';
import { HighlightedText } from '../../components/HighlightedText.tsx';
import { Icon } from '../../components/Icon.tsx';
import { selectedIds, useStore } from '../../store/index.ts';
import { writeItemDrag } from '../dnd/drag-data.ts';
import { COLUMNS, MARKED_COLUMNS } from './columns.ts';
import { RowSnippet } from './RowSnippet.tsx';

interface TableRowProps {
  row: ItemRow;
  index: number;
  top: number;
}

const READ_LABEL = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const;

function dragImage(count: number): HTMLElement {
  const el = document.createElement('div');
  el.className = 'drag-image';
  el.textContent = count === 1 ? '1 item' : `${count.toLocaleString()} items`;
  document.body.append(el);
  setTimeout(() => el.remove(), 0);
  return el;
}

/**
 * One table row. Memoised on the row object, and it subscribes only to its
 * own selected/cursor flags, so a keystroke or a click re-renders a handful
 * of rows, never all of them.
 */
export const TableRow = memo(function TableRow({ row, index, top }: TableRowProps) {
  const selected = useStore((s) => s.selection.selected.has(row.id));
  const isCursor = useStore((s) => s.selection.cursor === row.id);
  const match: RowMatch | undefined = useStore((s) => s.rowMatches.get(row.id));
  const marks = useMemo(() => {
    const terms = match?.terms ?? [];
    if (terms.length === 0) return null;
    return new Map(COLUMNS.filter((c) => MARKED_COLUMNS.has(c.id)).map((c) => [c.id, highlightRanges(c.text(row), terms)]));
  }, [match, row]);

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const toggle = e.ctrlKey || e.metaKey;
    if (e.shiftKey) e.preventDefault(); // no text selection on Shift+click
    // A plain press on an already selected row may start a drag of the whole
    // selection: collapse to this row only on click (below), not on press.
    if (selected && !toggle && !e.shiftKey) return;
    void useStore.getState().clickRow(row.id, index, { toggle, range: e.shiftKey });
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (selected && !e.ctrlKey && !e.metaKey && !e.shiftKey && useStore.getState().selection.selected.size > 1) {
      void useStore.getState().clickRow(row.id, index, { toggle: false, range: false });
    }
  };
  const onContextMenu = () => {
    if (!selected) void useStore.getState().clickRow(row.id, index, { toggle: false, range: false });
  };
  const onDragStart = (e: DragEvent<HTMLDivElement>) => {
    const state = useStore.getState();
    if (!state.selection.selected.has(row.id)) void state.clickRow(row.id, index, { toggle: false, range: false });
    const ids = selectedIds(useStore.getState());
    // Keys of the rows the window holds: a drag of 50,000 ids names what is on screen, not every key.
    const keys = ids.map((id) => state.knownRow(id)?.key ?? '').filter((k) => k.length > 0);
    writeItemDrag(e.dataTransfer, ids, keys.join(', '));
    e.dataTransfer.setDragImage(dragImage(ids.length), -10, -6);
  };

  const snippet = match?.snippet ? (match as RowMatch & { snippet: string }) : null;
  const classes = ['table-row', index % 2 === 1 ? 'odd' : '', selected ? 'selected' : '', isCursor ? 'cursor' : '', snippet ? 'with-snippet' : ''].join(' ');
  return (
    <div
      className={classes}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="item-row"
      data-item-id={row.id}
      draggable
      style={{ transform: `translateY(${top}px)` }}
      data-ranked-match={match ? match.fields.join(' ') : undefined}
      onMouseDown={onMouseDown}
      onClick={onClick}
      onDoubleClick={() => void useStore.getState().openReader(row.id)}
      onContextMenu={onContextMenu}
      onDragStart={onDragStart}
    >
      <div className="cell col-status" role="gridcell">
        <span className={`read-dot ${row.read}`} title={READ_LABEL[row.read]} aria-label={READ_LABEL[row.read]} />
      </div>
      {COLUMNS.map((c) => {
        const text = c.text(row);
        const ranges = marks?.get(c.id);
        return (
          <div key={c.id} className={`cell ${c.className}${c.id === 'title' && !row.title ? ' placeholder' : ''}`} role="gridcell" title={text || undefined}>
            {ranges && ranges.length > 0 ? <HighlightedText text={text} ranges={ranges} /> : text}
          </div>
        );
      })}
      <div className="cell col-indicators" role="gridcell">
        {row.flagged ? <Icon name="flag" size={13} className="ind-flag" title="Flagged" /> : null}
        {row.hasNote ? <Icon name="note" size={13} className="ind-note" title="Has a note" /> : null}
        {row.hasPdf ? <Icon name="pdf" size={13} className="ind-pdf" title="Has a PDF" /> : null}
        {row.annotationCount > 0 ? (
          <span className="ind-annotations" data-testid="row-annotations" title={`${row.annotationCount} annotation${row.annotationCount === 1 ? '' : 's'}`}>
            <Icon name="annotation" size={13} />
            {row.annotationCount}
          </span>
        ) : null}
        {row.metadataPending ? <span data-testid="row-pending"><Icon name="warning" size={13} className="ind-pending" title="Metadata pending: added offline" /></span> : null}
      </div>
      {snippet ? <RowSnippet itemId={row.id} match={snippet} /> : null}
    </div>
  );
});

/** A row whose page is still on its way: the stripes and height of a row, no content. */
export function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      className={`table-row placeholder-row${index % 2 === 1 ? ' odd' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      data-testid="placeholder-row"
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="cell col-status" role="gridcell" />
      <div className="cell col-title" role="gridcell"><span className="placeholder-bar" /></div>
    </div>
  );
}
