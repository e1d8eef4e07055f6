import { useMemo, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ContextMenu } from '../../components/ContextMenu.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { buildCollectionTree, canMoveCollection, visibleCollectionLines, type CollectionLine } from '../../store/logic/collection-tree.ts';
import { isCollectionDrag, readCollectionDrag } from '../dnd/drag-data.ts';
import { CollectionNode } from './CollectionNode.tsx';
import { collectionDrag } from './collection-drag.ts';
import { useDropTarget } from './useDropTarget.ts';

interface MenuState {
  x: number;
  y: number;
  line: CollectionLine;
}

export function CollectionTree() {
  const { collections, expanded, view, renamingId } = useStore(
    useShallow((s) => ({ collections: s.collections, expanded: s.expandedCollections, view: s.view, renamingId: s.renamingId })),
  );
  const lines = useMemo(() => visibleCollectionLines(buildCollectionTree(collections), expanded), [collections, expanded]);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const s = useStore.getState;

  const rootDrop = useDropTarget(
    (dt) => {
      const moving = collectionDrag.current();
      return isCollectionDrag(dt) && moving !== null && canMoveCollection(s().collections, moving, null);
    },
    (dt) => {
      const moving = readCollectionDrag(dt);
      if (moving) void s().moveCollection(moving, null);
    },
    'move',
  );

  const openMenu = (e: MouseEvent, line: CollectionLine) => setMenu({ x: e.clientX, y: e.clientY, line });

  return (
    <section className="sidebar-section" aria-label="Collections">
      <div className={`sidebar-heading${rootDrop.over ? ' drop-over' : ''}`} data-testid="collections-root" {...rootDrop.handlers}>
        <span>Collections</span>
        <button type="button" className="icon-button small" title="New collection (Ctrl+Shift+N)" aria-label="New collection" data-testid="new-collection" onClick={() => void s().createCollection(null)}>
          <Icon name="plus" size={14} />
        </button>
      </div>
      {lines.length === 0 ? <p className="sidebar-empty">No collections yet.</p> : null}
      <div role="tree" aria-label="Collections" data-testid="collection-tree">
        {lines.map((line) => (
          <CollectionNode
            key={line.collection.id}
            line={line}
            active={view === `collection:${line.collection.id}`}
            renaming={renamingId === line.collection.id}
            menuOpen={menu?.line.collection.id === line.collection.id}
            onContextMenu={openMenu}
          />
        ))}
      </div>
      {menu ? (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label={`Collection ${menu.line.collection.name}`}
          onClose={() => setMenu(null)}
          items={[
            { label: 'New Sub-collection', testId: 'collection-menu-new-sub', onSelect: () => void s().createCollection(menu.line.collection.id) },
            { label: 'Rename', testId: 'collection-menu-rename', onSelect: () => s().startRename(menu.line.collection.id) },
            'separator',
            {
              label: 'Export Collection…',
              testId: 'collection-menu-export',
              onSelect: () => s().openDialog({
                kind: 'export',
                scope: { kind: 'collection', collectionId: menu.line.collection.id, includeChildren: true },
                label: `Collection “${menu.line.collection.name}”`,
              }),
            },
            {
              label: 'Auto-export…',
              testId: 'collection-menu-auto-export',
              onSelect: () => s().openDialog({ kind: 'auto-export', collectionId: menu.line.collection.id, label: `Collection “${menu.line.collection.name}”` }),
            },
            'separator',
            { label: 'Delete Collection…', danger: true, testId: 'collection-menu-delete', onSelect: () => void s().deleteCollection(menu.line.collection.id) },
          ]}
        />
      ) : null}
    </section>
  );
}
