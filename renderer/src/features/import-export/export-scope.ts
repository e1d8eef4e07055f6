import type { Dialog, Store } from '../../store/index.ts';
import { parseView, selectedIds } from '../../store/index.ts';

/** The export dialog for what the user is looking at: the selection, else the collection, else the library. */
export function exportDialogFor(s: Store): Dialog {
  const ids = selectedIds(s);
  if (ids.length > 0) return { kind: 'export', scope: { kind: 'items', ids }, label: ids.length === 1 ? 'Selected item' : `${ids.length.toLocaleString()} selected items` };
  const view = parseView(s.view);
  if (view.kind === 'collection') {
    const name = s.collections.find((c) => c.id === view.id)?.name ?? 'collection';
    return { kind: 'export', scope: { kind: 'collection', collectionId: view.id, includeChildren: true }, label: `Collection “${name}”` };
  }
  if (view.kind === 'saved') return { kind: 'export', scope: { kind: 'saved', name: view.name }, label: `Saved search “${view.name}”` };
  return { kind: 'export', scope: { kind: 'library' }, label: 'Whole library' };
}
