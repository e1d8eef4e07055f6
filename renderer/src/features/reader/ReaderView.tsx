import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';
import { AnnotationsSidebar } from './AnnotationsSidebar.tsx';
import { CitationPopup } from './CitationPopup.tsx';
import { FindBar } from './FindBar.tsx';
import { NavigationPane } from './NavigationPane.tsx';
import { ReaderToolbar, type NavPane, type ReaderTool } from './ReaderToolbar.tsx';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { usePageInteractions } from './usePageInteractions.ts';
import { useReaderKeys } from './useReaderKeys.ts';
import { useAnnotationLayers, useReaderSession, useRememberPlace, useSessionState } from './useReaderSession.ts';
import { useDarkTheme } from './useDarkTheme.ts';
import { useReaderJumps } from './useReaderJumps.ts';

/** One open PDF: toolbar, thumbnails or outline, the pages, the annotations sidebar. */
export function ReaderView({ tab, active }: { tab: ReaderTab; active: boolean }) {
  const docHost = useRef<HTMLDivElement>(null);
  const [hostEl, setHostEl] = useState<HTMLDivElement | null>(null);
  const session = useReaderSession(tab, docHost);
  const state = useSessionState(session);
  const [tool, setTool] = useState<ReaderTool>('select');
  const [navPane, setNavPane] = useState<NavPane>('none');
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const darkTheme = useDarkTheme();
  const darkPages = useStore((s) => s.readerDarkPages);
  const findRequest = useStore((s) => s.readerFindRequest);
  const toolDone = useCallback(() => setTool('select'), []);
  const setDocHost = useCallback((el: HTMLDivElement | null) => {
    docHost.current = el;
    setHostEl(el);
  }, []);
  const interactions = usePageInteractions(session, tab, tool, toolDone, hostEl);

  const firstPageDone = state.painted || state.status === 'error';
  useAnnotationLayers(session, tab, firstPageDone);
  useRememberPlace(session, state, tab.attachment.sha256);
  useReaderJumps(session, tab);
  const closeFind = useCallback(() => {
    setFindOpen(false);
    session?.closeFind();
  }, [session]);
  const onEscape = useCallback(() => {
    if (findOpen) closeFind();
    else useStore.getState().selectAnnotations(tab.itemId, []);
  }, [findOpen, closeFind, tab.itemId]);
  useReaderKeys(session, tab, active, onEscape);

  useEffect(() => {
    if (!active || findRequest === 0) return;
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, [findRequest, active]);

  // A hidden tab keeps its scroll position; shown again, pdf.js re-renders what is now visible.
  useEffect(() => {
    if (active) session?.refresh();
  }, [active, session]);

  return (
    <section
      className={`reader${active ? ' active' : ''}${darkTheme && darkPages ? ' dark-pages' : ''} tool-${tool}`}
      aria-hidden={!active}
      data-testid="reader"
      data-tab-id={tab.id}
      data-status={state.status}
    >
      <ReaderToolbar
        state={state}
        tool={tool}
        navPane={navPane}
        sidebarOpen={sidebarOpen}
        darkPages={darkPages}
        darkTheme={darkTheme}
        onGoToPage={(n) => session?.goToPage(n)}
        onScale={(v) => session?.setScale(v)}
        onZoom={(steps) => session?.zoom(steps)}
        onBack={() => session?.goBack()}
        onFind={() => {
          setFindOpen(true);
          setFindFocus((n) => n + 1);
        }}
        onTool={setTool}
        onNavPane={setNavPane}
        onSidebar={setSidebarOpen}
        onDarkPages={(on) => useStore.getState().setReaderDarkPages(on)}
      />
      <div className="reader-body">
        {navPane !== 'none' && session && state.status === 'ready' ? <NavigationPane pane={navPane} session={session} page={state.page} /> : null}
        <div className="reader-doc" ref={setDocHost}>
          {state.status === 'error' ? (
            <div className="reader-error" role="alert" data-testid="reader-error">
              <p>This PDF could not be opened.</p>
              <p className="muted">{state.error}</p>
            </div>
          ) : null}
          {findOpen ? (
            <FindBar
              find={state.find}
              focusRequest={findFocus}
              onQuery={(q) => session?.find(q)}
              onNext={(previous) => session?.find(state.find.query, previous, true)}
              onClose={closeFind}
            />
          ) : null}
          {interactions.menu ? <SelectionToolbar x={interactions.menu.x} y={interactions.menu.y} onPick={interactions.annotateSelection} /> : null}
          {interactions.band ? <div className="reader-band" style={interactions.band} /> : null}
          {session && hostEl ? <CitationPopup session={session} host={hostEl} /> : null}
        </div>
        {sidebarOpen ? <AnnotationsSidebar tab={tab} listReady={firstPageDone} /> : null}
      </div>
    </section>
  );
}
