import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ContextMenu } from '../../components/ContextMenu.tsx';
import { useStore } from '../../store/index.ts';
import { isItemDrag, readItemDrag } from '../dnd/drag-data.ts';
import { NavItem } from './NavItem.tsx';
import { useDropTarget } from './useDropTarget.ts';

/** All Items, Unfiled and Trash. Items dropped on Trash are moved there. */
export function LibraryNav() {
  const { view, counts } = useStore(useShallow((s) => ({ view: s.view, counts: s.counts })));
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const s = useStore.getState;
  const trashDrop = useDropTarget(isItemDrag, (dt) => {
    const ids = readItemDrag(dt);
    if (ids) void s().trashItems(ids);
  }, 'move');

  return (
    <div role="group" aria-label="Library">
      <NavItem icon="library" label="All Items" count={counts.all} active={view === 'all'} testId="all-items-view" onSelect={() => s().setView({ kind: 'all' })} />
      <NavItem icon="inbox" label="Unfiled" count={counts.unfiled} active={view === 'unfiled'} testId="unfiled-view" onSelect={() => s().setView({ kind: 'unfiled' })} />
      <NavItem
        icon="trash"
        label="Trash"
        count={counts.trash > 0 ? counts.trash : undefined}
        active={view === 'trash'}
        testId="trash-view"
        onSelect={() => s().setView({ kind: 'trash' })}
        dropOver={trashDrop.over}
        dropHandlers={trashDrop.handlers}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY });
        }}
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
