import { useShallow } from 'zustand/react/shallow';
import { isSearching, shownSort, useStore } from '../../store/index.ts';

/**
 * Above the table while the box holds a query: how many results, the order they are in, and the way back to
 * best-first after a column header was clicked.
 */
export function SearchResultsBar() {
  const { searching, ranked, total, indexing } = useStore(useShallow((s) => ({
    searching: isSearching(s),
    ranked: shownSort(s).column === 'relevance',
    total: s.total,
    indexing: s.fulltextProgress !== null,
  })));
  if (!searching) return null;
  return (
    <div className="search-results-bar" data-testid="search-results-bar">
      <span className="search-results-count">
        {total === 1 ? '1 result' : `${total.toLocaleString()} results`}
        {indexing ? <span className="search-results-note"> · PDF text is still being read</span> : null}
      </span>
      <button
        type="button"
        className={`relevance-toggle${ranked ? ' active' : ''}`}
        data-testid="sort-relevance"
        aria-pressed={ranked}
        title={ranked ? 'Ranked best match first; a column header sorts by that column' : 'Rank the results best match first again'}
        onClick={() => useStore.getState().sortByRelevance()}
      >
        {ranked ? 'Best match first' : 'Sort by relevance'}
      </button>
    </div>
  );
}
