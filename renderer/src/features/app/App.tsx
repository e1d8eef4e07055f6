import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { Splitter } from '../../components/Splitter.tsx';
import { duplicatesViewOpen, useStore } from '../../store/index.ts';
import { PANE_LIMITS } from '../../store/logic/ui-state.ts';
import { DetailsPane } from '../details/DetailsPane.tsx';
import { DialogHost } from './DialogHost.tsx';
import { ImportFileInput } from '../import-export/ImportButton.tsx';
import { LibraryTable } from '../library/LibraryTable.tsx';
import { Toolbar } from '../library/Toolbar.tsx';
import { Sidebar } from '../sidebar/Sidebar.tsx';
import { StatusBar } from '../status/StatusBar.tsx';
import { Toasts } from '../status/Toasts.tsx';
import { PairingPrompt } from '../connector/PairingPrompt.tsx';
import { WarningsBanner } from '../status/WarningsBanner.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useFileDrop } from './useFileDrop.ts';
import { DuplicatesView } from '../duplicates/DuplicatesView.tsx';
import { ImportProgress } from '../intake/ImportProgress.tsx';
import { useGlobalPaste } from '../intake/useGlobalPaste.ts';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import { useDocumentTitle, useTheme } from './useTheme.ts';
import { ReaderTabs } from '../reader/ReaderTabs.tsx';
import './app.css';

// pdf.js and the reader load on the first PDF opened, not at start.
const ReaderHost = lazy(() => import('../reader/ReaderHost.tsx'));

export function App() {
  useTheme();
  useDocumentTitle();
  useGlobalShortcuts();
  const dropping = useFileDrop();
  useGlobalPaste();
  const duplicatesOpen = useStore(duplicatesViewOpen);
  const view = useStore((s) => s.view);
  const { ready, loadError, sidebarWidth, detailsWidth } = useStore(
    useShallow((s) => ({ ready: s.uiRestored, loadError: s.loadError, sidebarWidth: s.sidebarWidth, detailsWidth: s.detailsWidth })),
  );
  const readerInFront = useStore((st) => st.activeTab !== null);
  const anyReader = useStore((st) => st.readerTabs.length > 0);
  const s = useStore.getState;

  if (loadError && !ready) {
    return (
      <div className="empty-state boot-screen" role="alert">
        <Icon name="warning" size={28} />
        <p>Folio could not open the library.</p>
        <p className="muted">{loadError}</p>
      </div>
    );
  }
  if (!ready) return <div className="empty-state boot-screen" aria-busy="true"><p className="muted">Opening library…</p></div>;

  return (
    <div className="app">
      <WarningsBanner />
      <ReaderTabs />
      <div className="workspace">
      <div className={`panes${readerInFront ? ' behind-reader' : ''}`} aria-hidden={readerInFront}>
        <div className="pane-sidebar" style={{ width: sidebarWidth }}>
          <ErrorBoundary pane="The sidebar" testId="sidebar-error">
            <Sidebar />
          </ErrorBoundary>
        </div>
        <Splitter label="Resize sidebar" testId="splitter-sidebar" value={sidebarWidth} {...PANE_LIMITS.sidebar} direction={1} onChange={(w) => s().setSidebarWidth(w)} />
        <main className="pane-center">
          <ErrorBoundary pane="The item list" testId="table-error" resetKey={`${view}:${String(duplicatesOpen)}`}>
            {duplicatesOpen ? <DuplicatesView /> : (
              <>
                <Toolbar />
                <LibraryTable />
              </>
            )}
          </ErrorBoundary>
        </main>
        <Splitter label="Resize item pane" testId="splitter-details" value={detailsWidth} {...PANE_LIMITS.details} direction={-1} onChange={(w) => s().setDetailsWidth(w)} />
        <div className="pane-details" style={{ width: detailsWidth }}>
          <DetailsPane />
        </div>
      </div>
      {anyReader ? (
        <ErrorBoundary pane="The reader" testId="reader-error-boundary">
          <Suspense fallback={<div className="reader-loading muted">Opening the reader…</div>}>
            <ReaderHost />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      </div>
      <StatusBar />
      <ImportFileInput />
      <DialogHost />
      <ImportProgress />
      <Toasts />
      <PairingPrompt />
      {dropping ? (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-overlay-card">
            <Icon name="import" size={28} />
            <p>Drop to import</p>
            <p className="muted">PDFs, BibTeX, RIS, CSL-JSON or a paper listing</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
