import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { suggestedName } from '../../store/logic/saved-search-name.ts';

/** "Save search…" beside the box: the current query becomes a saved search in the sidebar. */
export function SaveSearchButton() {
  const query = useStore((s) => s.filter);
  const empty = query.trim() === '';
  return (
    <button
      type="button"
      className="icon-button"
      title={empty ? 'Type a query to save it as a search' : 'Save search… (it appears in the sidebar with a live count)'}
      aria-label="Save search"
      data-testid="save-search"
      disabled={empty}
      onClick={() => {
        const s = useStore.getState();
        s.openSavedSearchEdit({ name: suggestedName(s.filter, s.savedSearches.map((x) => x.name)), query: s.filter, previousName: null });
      }}
    >
      <Icon name="pin" />
    </button>
  );
}
