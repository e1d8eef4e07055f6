import type { DragEvent, KeyboardEvent, MouseEvent } from 'react';
import type { CollectionLine } from '../../store/logic/collection-tree.ts';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { isCollectionDrag, isItemDrag, readCollectionDrag, readItemDrag, writeCollectionDrag } from '../dnd/drag-data.ts';
import { canMoveCollection } from '../../store/logic/collection-tree.ts';
import { collectionDrag } from './collection-drag.ts';
import { RenameInput } from './RenameInput.tsx';
import { useDropTarget } from './useDropTarget.ts';

interface CollectionNodeProps {
  line: CollectionLine;
  active: boolean;
  renaming: boolean;
  /** Its context menu is open: keep it visibly targeted. */
  menuOpen: boolean;
  onContextMenu(e: MouseEvent, line: CollectionLine): void;
}

const INDENT = 14;

/** One collection in the tree: select, expand, rename, drop items on it, drag it elsewhere. */
export function CollectionNode({ line, active, renaming, menuOpen, onContextMenu }: CollectionNodeProps) {
  const { collection, depth, hasChildren, expanded } = line;
  const s = useStore.getState;
  const accepts = (dt: DataTransfer) => {
    if (isItemDrag(dt)) return true;
    if (!isCollectionDrag(dt)) return false;
    const moving = collectionDrag.current();
    return moving !== null && canMoveCollection(s().collections, moving, collection.id);
  };
  const drop = useDropTarget(accepts, (dt) => {
    const ids = readItemDrag(dt);
    if (ids) {
      void s().addItemsToCollection(collection.id, ids);
      return;
    }
    const moving = readCollectionDrag(dt);
    if (moving) void s().moveCollection(moving, collection.id);
  });

  const select = () => s().setView({ kind: 'collection', id: collection.id });
  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    s().setExpanded(collection.id, !expanded);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (renaming) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); }
    else if (e.key === 'F2') { e.preventDefault(); s().startRename(collection.id); }
    else if (e.key === 'Delete') { e.preventDefault(); void s().deleteCollection(collection.id); }
    else if (e.key === 'ArrowRight' && hasChildren && !expanded) s().setExpanded(collection.id, true);
    else if (e.key === 'ArrowLeft' && expanded) s().setExpanded(collection.id, false);
  };
  const onDragStart = (e: DragEvent<HTMLDivElement>) => {
    if (renaming) { e.preventDefault(); return; }
    writeCollectionDrag(e.dataTransfer, collection.id);
    collectionDrag.start(collection.id);
  };

  return (
    <div
      className={`nav-item collection${active ? ' active' : ''}${menuOpen ? ' menu-target' : ''}${drop.over ? ' drop-over' : ''}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={active}
      aria-label={collection.name}
      tabIndex={0}
      data-testid="collection-node"
      data-collection-id={collection.id}
      draggable={!renaming}
      style={{ paddingLeft: 6 + depth * INDENT }}
      onClick={select}
      onDoubleClick={() => s().startRename(collection.id)}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => { e.preventDefault(); onContextMenu(e, line); }}
      onDragStart={onDragStart}
      onDragEnd={() => collectionDrag.end()}
      {...drop.handlers}
    >
      {hasChildren ? (
        <button type="button" className="twisty" tabIndex={-1} aria-label={expanded ? 'Collapse' : 'Expand'} data-testid="collection-toggle" onClick={toggle}>
          <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={12} />
        </button>
      ) : (
        <span className="twisty-spacer" />
      )}
      <Icon name="folder" className="nav-icon" />
      {renaming ? (
        <RenameInput initial={collection.name} onDone={(name) => (name === null ? s().startRename(null) : void s().renameCollection(collection.id, name))} />
      ) : (
        <span className="nav-label" title={collection.name}>{collection.name}</span>
      )}
    </div>
  );
}
