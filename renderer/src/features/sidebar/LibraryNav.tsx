import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ContextMenu } from '../../components/ContextMenu.tsx';
import { duplicatesViewOpen, useStore, type View } from '../../store/index.ts';
import { isItemDrag, readItemDrag } from '../dnd/drag-data.ts';
import { NavItem } from './NavItem.tsx';
import { useDropTarget } from './useDropTarget.ts';

/** All Items, Unfiled and Trash. Items dropped on Trash are moved there. */
export function LibraryNav() {
  const { view: selectedView, counts, duplicatesOpen } = useStore(useShallow((s) => ({ view: s.view, counts: s.counts, duplicatesOpen: duplicatesViewOpen(s) })));
  // While the Duplicates view is open no library view is highlighted.
  const view = duplicatesOpen ? '' : selectedView;
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const s = useStore.getState;
  // Choosing any library view leaves the Duplicates view.
  const go = (next: View) => {
    s().closeDuplicates();
    s().setView(next);
  };
  const trashDrop = useDropTarget(isItemDrag, (dt) => {
    const ids = readItemDrag(dt);
    if (ids) void s().trashItems(ids);
  }, 'move');

  return (
    <div role="group" aria-label="Library">
      <NavItem icon="library" label="All Items" count={counts.all} active={view === 'all'} testId="all-items-view" onSelect={() => go({ kind: 'all' })} />
      <NavItem icon="inbox" label="Unfiled" count={counts.unfiled} active={view === 'unfiled'} testId="unfiled-view" onSelect={() => go({ kind: 'unfiled' })} />
      <NavItem
        icon="trash"
        label="Trash"
        count={counts.trash > 0 ? counts.trash : undefined}
        active={view === 'trash'}
        testId="trash-view"
        onSelect={() => go({ kind: 'trash' })}
        dropOver={trashDrop.over}
        dropHandlers={trashDrop.handlers}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY });
        }}
      />
      <NavItem
        icon="duplicates"
        label="Duplicates"
        active={duplicatesOpen}
        testId="duplicates-nav"
        onSelect={() => void s().openDuplicates()}
      />
      {menu ? (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label="Trash"
          onClose={() => setMenu(null)}
          items={[{ label: 'Empty Trash…', danger: true, disabled: counts.trash === 0, testId: 'empty-trash-menu', onSelect: () => void s().emptyTrash() }]}
        />
      ) : null}
    </div>
  );
}
