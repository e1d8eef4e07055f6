import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CollectionId } from '../../../../shared/model/ids.ts';
import { Icon } from '../../components/Icon.tsx';
import { selectedIds, useStore } from '../../store/index.ts';
import { buildCollectionTree, visibleCollectionLines } from '../../store/logic/collection-tree.ts';
import { TagsEditor } from './TagsEditor.tsx';

const PREVIEW = 8;

/** Several items selected: what they are, and what can be done to all of them at once. */
export function MultiSelectionSummary() {
  const { selected, pages, collections, inTrash } = useStore(
    useShallow((s) => ({ selected: s.selection.selected, pages: s.pages, collections: s.collections, inTrash: s.view === 'trash' })),
  );
  const preview = useMemo(() => {
    const out: { id: string; title: string }[] = [];
    // From the rows the window holds, in table order (pages are keyed by position).
    for (const page of [...pages.keys()].sort((a, b) => a - b)) {
      for (const row of pages.get(page) ?? []) {
        if (out.length === PREVIEW) break;
        if (selected.has(row.id)) out.push({ id: row.id, title: row.title || '(untitled)' });
      }
    }
    return out;
  }, [selected, pages]);
  const lines = useMemo(() => visibleCollectionLines(buildCollectionTree(collections), new Set(collections.map((c) => c.id))), [collections]);
  const [target, setTarget] = useState('');
  const s = useStore.getState;
  // Read at click time: the selection may hold 50,000 ids.
  const ids = () => selectedIds(s());
  const total = selected.size;
  const count = total.toLocaleString();

  return (
    <div className="multi-summary" data-testid="multi-summary">
      <h2>{count} items selected</h2>
      <ul className="multi-titles">
        {preview.map((p) => <li key={p.id}>{p.title}</li>)}
        {total > preview.length ? <li className="muted">and {(total - preview.length).toLocaleString()} more</li> : null}
      </ul>

      {inTrash ? (
        <div className="bulk-actions">
          <button type="button" className="primary" data-testid="bulk-restore" onClick={() => void s().restoreItems(ids())}>
            <Icon name="restore" /> Restore {count} items
          </button>
        </div>
      ) : (
        <>
          <section className="details-section">
            <h3 className="section-title">Add tags to all</h3>
            <TagsEditor getIds={ids} tags={[]} />
          </section>
          <section className="details-section">
            <h3 className="section-title">Add to collection</h3>
            <div className="inline-form">
              <select aria-label="Collection" data-testid="bulk-collection" value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">Choose a collection…</option>
                {lines.map(({ collection, depth }) => (
                  <option key={collection.id} value={collection.id}>{`${'\u2003'.repeat(depth)}${collection.name}`}</option>
                ))}
              </select>
              <button type="button" data-testid="bulk-add-to-collection" disabled={target === ''} onClick={() => void s().addItemsToCollection(target as CollectionId, ids())}>Add</button>
            </div>
          </section>
          <div className="bulk-actions">
            <button type="button" data-testid="bulk-cite" onClick={() => void s().copyCite(ids())}>
              <Icon name="quote" /> Copy \cite
            </button>
            <button type="button" data-testid="bulk-export" onClick={() => s().openDialog({ kind: 'export', scope: { kind: 'items', ids: ids() }, label: `${count} selected items` })}>
              <Icon name="export" /> Export…
            </button>
            <button type="button" className="danger" data-testid="bulk-trash" onClick={() => void s().trashItems(ids())}>
              <Icon name="trash" /> Move to Trash
            </button>
          </div>
        </>
      )}
    </div>
  );
}
