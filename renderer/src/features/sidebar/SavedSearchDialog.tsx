import { useMemo, useState } from 'react';
import { parseQuery } from '../../../../shared/search/query/query-parser.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';
import type { SavedSearchEdit } from '../../store/saved-searches-slice.ts';
import { QueryErrorLine } from '../library/QueryErrorLine.tsx';

/** Names a new saved search, or edits the name and query of one. The query is checked as it is typed. */
export function SavedSearchDialog({ edit }: { edit: SavedSearchEdit }) {
  const [name, setName] = useState(edit.name);
  const [query, setQuery] = useState(edit.query);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseQuery(query), [query]);
  const s = useStore.getState;
  const close = () => s().openSavedSearchEdit(null);
  const canSave = !busy && name.trim() !== '' && parsed.ok;

  const save = async () => {
    if (!canSave) return;
    setBusy(true);
    const problem = await s().saveSearch(name, query, edit.previousName);
    setBusy(false);
    if (problem === null) close();
    else setFailure(problem);
  };

  return (
    <Modal
      title={edit.previousName === null ? 'Save search' : 'Edit saved search'}
      testId="saved-search-dialog"
      width={480}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="saved-search-submit" disabled={!canSave} onClick={() => void save()}>Save</button>
        </>
      }
    >
      <label className="form-row">
        <span>Name</span>
        <input
          data-testid="saved-search-name"
          value={name}
          maxLength={200}
          autoFocus
          onChange={(e) => { setName(e.target.value); setFailure(null); }}
          onKeyDown={(e) => { if (e.key === 'Enter') void save(); }}
        />
      </label>
      <label className="form-row">
        <span>Query</span>
        <input
          className="saved-search-query"
          data-testid="saved-search-query"
          spellCheck={false}
          value={query}
          onChange={(e) => { setQuery(e.target.value); setFailure(null); }}
          onKeyDown={(e) => { if (e.key === 'Enter') void save(); }}
        />
      </label>
      {parsed.ok ? null : <QueryErrorLine query={query} error={parsed.error} testId="saved-search-query-error" />}
      <p className="panel-hint">The sidebar shows how many items it finds, and the count follows the library. It is kept in the library, so it travels with it.</p>
      {failure ? <p className="form-error" role="alert" data-testid="saved-search-failure">{failure}</p> : null}
    </Modal>
  );
}
