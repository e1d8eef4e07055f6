import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { SegmentedControl } from '../../components/SegmentedControl.tsx';
import { useStore } from '../../store/index.ts';
import type { Theme } from '../../store/prefs-slice.ts';
import { SyncStatusLine } from '../sync/SyncStatusLine.tsx';
import './status.css';

const THEMES = [
  { value: 'system', label: <Icon name="monitor" size={13} />, title: 'Follow the system theme', testId: 'theme-system' },
  { value: 'light', label: <Icon name="sun" size={13} />, title: 'Light theme', testId: 'theme-light' },
  { value: 'dark', label: <Icon name="moon" size={13} />, title: 'Dark theme', testId: 'theme-dark' },
] as const;

const n = (v: number): string => v.toLocaleString();

export function StatusBar() {
  const st = useStore(
    useShallow((s) => ({
      inView: s.inViewCount,
      shown: s.total,
      total: s.counts.all,
      selected: s.selection.selected.size,
      writeError: s.lastWriteError,
      message: s.statusMessage,
      busy: s.busy,
      theme: s.theme,
      path: s.info?.path ?? '',
      fulltext: s.fulltextProgress,
    })),
  );
  return (
    <footer className="status-bar" data-testid="status-bar" role="status">
      <span data-testid="status-count">
        {st.shown === st.inView ? `${n(st.inView)} item${st.inView === 1 ? '' : 's'}` : `${n(st.shown)} of ${n(st.inView)} items`}
      </span>
      {st.selected > 0 ? <span data-testid="status-selection">{n(st.selected)} selected</span> : null}
      {st.busy ? <span className="status-busy">{st.busy}</span> : null}
      {st.fulltext ? (
        <span className="status-fulltext" data-testid="status-fulltext" title="Folio reads the text of attached PDFs in the background, for full-text search">
          <progress max={1} value={st.fulltext.progress} aria-label="Reading PDF text" />
          {st.fulltext.message}
        </span>
      ) : null}
      {st.writeError ? (
        <span className="status-error" data-testid="status-write-error" title={st.writeError}>
          <Icon name="warning" size={13} /> {st.writeError}
        </span>
      ) : st.message ? (
        <span className="status-message" title={st.message}>{st.message}</span>
      ) : null}
      <span className="status-spacer" />
      <SyncStatusLine />
      <span className="status-path" title={st.path}>{n(st.total)} in library</span>
      <SegmentedControl<Theme> label="Theme" small testId="theme-select" value={st.theme} segments={THEMES} onChange={(t) => useStore.getState().setTheme(t)} />
    </footer>
  );
}
