import type { CollectionId } from '../model/ids.ts';
import type { ItemRow } from '../model/item.ts';

/** What the sidebar selected. Persisted as a string (UiState.view, ViewQuery.view). */
export type View =
  | { kind: 'all' }
  | { kind: 'unfiled' }
  | { kind: 'trash' }
  | { kind: 'collection'; id: CollectionId }
  | { kind: 'tag'; tag: string }
  /** A saved search by name: which rows it holds is the search service's answer, not something a row can say. */
  | { kind: 'saved'; name: string };

export function parseView(text: string): View {
  if (text === 'unfiled' || text === 'trash') return { kind: text };
  if (text.startsWith('collection:') && text.length > 'collection:'.length) return { kind: 'collection', id: text.slice('collection:'.length) as CollectionId };
  if (text.startsWith('tag:') && text.length > 'tag:'.length) return { kind: 'tag', tag: text.slice('tag:'.length) };
  if (text.startsWith('saved:') && text.length > 'saved:'.length) return { kind: 'saved', name: text.slice('saved:'.length) };
  return { kind: 'all' };
}

export function viewKey(view: View): string {
  switch (view.kind) {
    case 'collection': return `collection:${view.id}`;
    case 'tag': return `tag:${view.tag}`;
    case 'saved': return `saved:${view.name}`;
    default: return view.kind;
  }
}

export function rowInView(row: ItemRow, view: View): boolean {
  if (view.kind === 'trash') return row.trashed;
  if (row.trashed) return false;
  switch (view.kind) {
    case 'all': return true;
    case 'unfiled': return row.collections.length === 0;
    case 'collection': return row.collections.includes(view.id);
    case 'tag': return row.tags.includes(view.tag);
    // Narrowed by the service with the saved query (electron/services/view).
    case 'saved': return true;
  }
}

export function rowsInView(rows: readonly ItemRow[], view: View): ItemRow[] {
  if (view.kind === 'all') return rows.filter((r) => !r.trashed);
  return rows.filter((r) => rowInView(r, view));
}
