import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useStore } from '../../store/index.ts';

/** Why the table is empty, and what to do about it. */
export function TableEmptyState() {
  const { view, filter, inView, total } = useStore(
    useShallow((s) => ({ view: s.view, filter: s.filter, inView: s.inViewCount, total: s.counts.all + s.counts.trash })),
  );
  const clearFilter = () => useStore.getState().setFilter('');

  if (filter.trim() !== '' && inView > 0) {
    return (
      <EmptyState icon="search" title="No matching items" testId="table-empty">
        <p>Nothing in this view matches “{filter}”.</p>
        <button type="button" className="link-button" onClick={clearFilter}>Clear the filter</button>
      </EmptyState>
    );
  }
  if (view === 'trash') return <EmptyState icon="trash" title="The trash is empty" testId="table-empty" />;
  if (total === 0 || view === 'all') {
    return (
      <EmptyState icon="library" title="Your library is empty" testId="table-empty">
        <p>Drop a .bib, .ris or CSL-JSON file here, or use Import or Paste BibTeX in the toolbar.</p>
      </EmptyState>
    );
  }
  if (view.startsWith('collection:')) {
    return (
      <EmptyState icon="folder" title="This collection is empty" testId="table-empty">
        <p>Drag items from the table onto the collection in the sidebar to add them.</p>
      </EmptyState>
    );
  }
  if (view === 'unfiled') return <EmptyState icon="inbox" title="Every item is in a collection" testId="table-empty" />;
  return <EmptyState icon="tag" title="No items with this tag" testId="table-empty" />;
}
