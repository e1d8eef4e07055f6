import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.tsx';
import { selectedIds, useStore } from '../../store/index.ts';
import { exportDialogFor } from '../import-export/export-scope.ts';
import { focusDetails } from './useTableKeyboard.ts';

interface RowContextMenuProps {
  x: number;
  y: number;
  onClose(): void;
}

/** Right-click on table rows: what can be done to the selection. */
export function RowContextMenu({ x, y, onClose }: RowContextMenuProps) {
  const s = useStore.getState;
  const count = s().selection.selected.size;
  const inTrash = s().view === 'trash';
  const ids = () => selectedIds(s());
  const items: MenuEntry[] = inTrash
    ? [{ label: count === 1 ? 'Restore to Library' : `Restore ${count.toLocaleString()} Items`, testId: 'row-menu-restore', onSelect: () => void s().restoreItems(ids()) }]
    : [
        { label: 'Edit in Item Pane', disabled: count !== 1, testId: 'row-menu-edit', onSelect: () => focusDetails() },
        'separator',
        { label: 'Copy \\cite{…}', testId: 'row-menu-cite', onSelect: () => void s().copyCite(ids()) },
        { label: count === 1 ? 'Regenerate Key…' : `Regenerate ${count.toLocaleString()} Keys…`, testId: 'row-menu-regenerate-keys', onSelect: () => s().openDialog({ kind: 'regenerate-keys', ids: ids() }) },
        { label: 'Export…', testId: 'row-menu-export', onSelect: () => s().openDialog(exportDialogFor(s())) },
        'separator',
        { label: count === 1 ? 'Move to Trash' : `Move ${count.toLocaleString()} Items to Trash`, danger: true, testId: 'row-menu-trash', onSelect: () => void s().trashItems(ids()) },
      ];
  return <ContextMenu x={x} y={y} label="Item actions" items={items} onClose={onClose} />;
}
