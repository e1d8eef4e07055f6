import { useMemo } from 'react';
import type { Item } from '../../../../shared/model/item.ts';
import { useStore } from '../../store/index.ts';
import { buildCollectionTree, visibleCollectionLines } from '../../store/logic/collection-tree.ts';

/** Every collection as a checkbox, indented like the sidebar tree. */
export function CollectionMembership({ item }: { item: Item }) {
  const collections = useStore((s) => s.collections);
  const lines = useMemo(() => {
    const tree = buildCollectionTree(collections);
    return visibleCollectionLines(tree, new Set(collections.map((c) => c.id)));
  }, [collections]);
  const s = useStore.getState;

  if (lines.length === 0) return <p className="muted small">No collections yet.</p>;
  return (
    <div className="membership" data-testid="collection-membership">
      {lines.map(({ collection, depth }) => {
        const member = item.collections.includes(collection.id);
        return (
          <label key={collection.id} className="membership-line" style={{ paddingLeft: depth * 14 }}>
            <input
              type="checkbox"
              checked={member}
              data-testid="membership-checkbox"
              data-collection-id={collection.id}
              onChange={async () => {
                if (member) await s().removeItemsFromCollection(collection.id, [item.id]);
                else await s().addItemsToCollection(collection.id, [item.id]);
                s().reloadDetailIfShown([item.id]);
              }}
            />
            <span title={collection.name}>{collection.name}</span>
          </label>
        );
      })}
    </div>
  );
}
