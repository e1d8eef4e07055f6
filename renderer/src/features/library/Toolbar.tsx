import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { parseView, selectedIds, useStore, type Store } from '../../store/index.ts';
import { CiteSplitButton } from '../bibliography/CiteSplitButton.tsx';
import { ImportButton } from '../import-export/ImportButton.tsx';
import { exportDialogFor } from '../import-export/export-scope.ts';
import { QuickFilter } from './QuickFilter.tsx';
import { SearchBoxError } from './QueryErrorLine.tsx';
import { SaveSearchButton } from './SaveSearchButton.tsx';
import { SearchHelp } from './SearchHelp.tsx';
import './toolbar.css';

function viewTitle(s: Store): string {
  const view = parseView(s.view);
  switch (view.kind) {
    case 'all': return 'All Items';
    case 'unfiled': return 'Unfiled Items';
    case 'trash': return 'Trash';
    case 'tag': return `Tag: ${view.tag}`;
    case 'saved': return view.name;
    case 'collection': return s.collections.find((c) => c.id === view.id)?.name ?? 'Collection';
  }
}

export function Toolbar() {
  const { title, inTrash, selectedCount, shown, inView } = useStore(
    useShallow((s) => ({
      title: viewTitle(s),
      inTrash: s.view === 'trash',
      selectedCount: s.selection.selected.size,
      shown: s.total,
      inView: s.inViewCount,
    })),
  );
  const act = useStore.getState;

  return (
    <div className="toolbar" role="toolbar" aria-label="Library actions">
      <div className="toolbar-title">
        <h1 title={title}>{title}</h1>
        <span className="toolbar-count" data-testid="view-count">
          {shown === inView ? inView.toLocaleString() : `${shown.toLocaleString()} of ${inView.toLocaleString()}`}
        </span>
      </div>
      <div className="toolbar-actions">
        {inTrash ? (
          <>
            <button type="button" className="tool-button" aria-label="Restore" data-testid="restore-button" disabled={selectedCount === 0} onClick={() => void act().restoreItems(selectedIds(act()))}>
              <Icon name="restore" /> <span>Restore</span>
            </button>
            <button type="button" className="tool-button danger" aria-label="Empty Trash" data-testid="empty-trash" disabled={inView === 0} onClick={() => void act().emptyTrash()}>
              <Icon name="trash" /> <span>Empty Trash</span>
            </button>
          </>
        ) : (
          <>
            <ImportButton />
            <button type="button" className="icon-button" title="Paste references: BibTeX, RIS, CSL-JSON or a paper listing (Ctrl+Shift+V)" aria-label="Paste references" data-testid="paste-bibtex" onClick={() => act().openDialog({ kind: 'paste-bibtex' })}>
              <Icon name="paste" />
            </button>
            <button type="button" className="icon-button" title="Add by identifier: DOI, arXiv, ISBN, Hugging Face link" aria-label="Add by identifier" data-testid="add-by-identifier" onClick={() => act().openAddIdentifiers()}>
              <Icon name="link" />
            </button>
            <button type="button" className="icon-button" title="New item (Ctrl+N)" aria-label="New item" data-testid="new-item" onClick={() => act().openDialog({ kind: 'new-item' })}>
              <Icon name="newItem" />
            </button>
            <span className="toolbar-separator" />
            <CiteSplitButton disabled={selectedCount === 0} />
          </>
        )}
        <button type="button" className="icon-button" title="Export (Ctrl+E)" aria-label="Export" data-testid="export-button" onClick={() => act().openDialog(exportDialogFor(act()))}>
          <Icon name="export" />
        </button>
        <button type="button" className="icon-button" title="Settings: citation keys, cite command, auto-export, sync" aria-label="Settings" data-testid="settings-button" onClick={() => act().openDialog({ kind: 'settings' })}>
          <Icon name="sliders" />
        </button>
      </div>
      <div className="search-box">
        <QuickFilter />
        <SearchHelp />
        <SaveSearchButton />
        <SearchBoxError />
      </div>
    </div>
  );
}
