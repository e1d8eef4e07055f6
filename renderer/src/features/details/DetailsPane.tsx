import { useShallow } from 'zustand/react/shallow';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useStore } from '../../store/index.ts';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import { NotePanel } from '../notes/NotePanel.tsx';
import { ItemDetails } from './ItemDetails.tsx';
import { MultiSelectionSummary } from './MultiSelectionSummary.tsx';
import './details.css';
import './editors.css';

export function DetailsPane() {
  const { count, detail, error, inView, noteMode } = useStore(
    useShallow((s) => ({ count: s.selection.selected.size, detail: s.detail, error: s.detailError, inView: s.inViewCount, noteMode: s.noteMode })),
  );

  let body;
  if (count === 0) {
    body = (
      <EmptyState icon="library" title="No item selected" testId="details-empty">
        <p>{inView > 0 ? `Select one of ${inView.toLocaleString()} items to see and edit its details.` : 'Items you select appear here.'}</p>
      </EmptyState>
    );
  } else if (count > 1) {
    body = <MultiSelectionSummary />;
  } else if (detail) {
    body = <ItemDetails key={detail.id} item={detail} />;
  } else {
    body = error ? <p className="details-error">{error}</p> : <div className="details-loading" aria-busy="true" />;
  }

  return (
    <aside className="details-pane" id="details-pane" aria-label="Item details" data-testid="details-pane">
      <div className="details-scroll">
        <ErrorBoundary pane="The item's details" testId="details-error" resetKey={detail?.id ?? count}>{body}</ErrorBoundary>
      </div>
      {count === 1 && detail ? (
        <ErrorBoundary pane="The note" testId="note-panel-error" resetKey={`${detail.id}:${noteMode}`}>
          <NotePanel />
        </ErrorBoundary>
      ) : null}
    </aside>
  );
}
