import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import type { SessionState } from './pdf-session.ts';

export type ReaderTool = 'select' | 'note' | 'area';
export type NavPane = 'none' | 'thumbnails' | 'outline';

interface ReaderToolbarProps {
  state: SessionState;
  tool: ReaderTool;
  navPane: NavPane;
  sidebarOpen: boolean;
  darkPages: boolean;
  darkTheme: boolean;
  onGoToPage(page: number): void;
  onScale(value: string): void;
  onZoom(steps: number): void;
  onBack(): void;
  onFind(): void;
  onTool(tool: ReaderTool): void;
  onNavPane(pane: NavPane): void;
  onSidebar(open: boolean): void;
  onDarkPages(on: boolean): void;
}

const SCALES: { value: string; label: string }[] = [
  { value: 'page-width', label: 'Fit width' },
  { value: 'page-fit', label: 'Fit page' },
  { value: '0.75', label: '75 %' },
  { value: '1', label: '100 %' },
  { value: '1.5', label: '150 %' },
  { value: '2', label: '200 %' },
];

/** The reader's controls: panes, page box, zoom, tools, find, dark pages. Presentational. */
export function ReaderToolbar(p: ReaderToolbarProps) {
  const [pageText, setPageText] = useState(String(p.state.page));
  useEffect(() => setPageText(String(p.state.page)), [p.state.page]);
  const preset = SCALES.some((s) => s.value === p.state.scaleValue) ? p.state.scaleValue : 'custom';
  const toggle = (pane: NavPane) => p.onNavPane(p.navPane === pane ? 'none' : pane);
  return (
    <div className="reader-toolbar" data-testid="reader-toolbar">
      <div className="reader-toolbar-group">
        <button type="button" className={`icon-button${p.navPane === 'thumbnails' ? ' on' : ''}`} title="Thumbnails" aria-pressed={p.navPane === 'thumbnails'} data-testid="reader-thumbnails-toggle" onClick={() => toggle('thumbnails')}>
          <Icon name="duplicates" />
        </button>
        <button type="button" className={`icon-button${p.navPane === 'outline' ? ' on' : ''}`} title="Outline" aria-pressed={p.navPane === 'outline'} data-testid="reader-outline-toggle" onClick={() => toggle('outline')}>
          <Icon name="sliders" />
        </button>
        <button type="button" className="icon-button" title="Back (Alt+←)" disabled={!p.state.canGoBack} data-testid="reader-back" onClick={p.onBack}>
          <Icon name="restore" />
        </button>
      </div>
      <div className="reader-toolbar-group">
        <input
          className="reader-page-input"
          data-testid="reader-page-input"
          aria-label="Page number"
          value={pageText}
          onChange={(e) => setPageText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const n = Number.parseInt(pageText, 10);
            if (Number.isFinite(n)) p.onGoToPage(n);
            else setPageText(String(p.state.page));
          }}
          onBlur={() => setPageText(String(p.state.page))}
        />
        <span className="muted reader-page-count" data-testid="reader-page-count">
          {p.state.pageLabel !== String(p.state.page) ? `(${p.state.pageLabel}) ` : ''}of {p.state.pageCount}
        </span>
      </div>
      <div className="reader-toolbar-group">
        <button type="button" className="icon-button" title="Zoom out (Ctrl/Cmd −)" aria-label="Zoom out" data-testid="reader-zoom-out" onClick={() => p.onZoom(-1)}>−</button>
        <select className="reader-scale" aria-label="Zoom" data-testid="reader-scale" value={preset} onChange={(e) => p.onScale(e.target.value)}>
          {SCALES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          {preset === 'custom' ? <option value="custom">{Math.round(p.state.scale * 100)} %</option> : null}
        </select>
        <button type="button" className="icon-button" title="Zoom in (Ctrl/Cmd +)" aria-label="Zoom in" data-testid="reader-zoom-in" onClick={() => p.onZoom(1)}>+</button>
      </div>
      <div className="reader-toolbar-group">
        <button type="button" className={`icon-button${p.tool === 'note' ? ' on' : ''}`} title="Sticky note: click on the page" aria-pressed={p.tool === 'note'} data-testid="reader-tool-note" onClick={() => p.onTool(p.tool === 'note' ? 'select' : 'note')}>
          <Icon name="note" />
        </button>
        <button type="button" className={`icon-button${p.tool === 'area' ? ' on' : ''}`} title="Area: drag a rectangle" aria-pressed={p.tool === 'area'} data-testid="reader-tool-area" onClick={() => p.onTool(p.tool === 'area' ? 'select' : 'area')}>
          <Icon name="monitor" />
        </button>
      </div>
      <div className="reader-toolbar-spacer" />
      <div className="reader-toolbar-group">
        {p.darkTheme ? (
          <button type="button" className={`icon-button${p.darkPages ? ' on' : ''}`} title={p.darkPages ? 'Show pages in their own colours' : 'Darken pages'} aria-pressed={p.darkPages} data-testid="reader-dark-pages" onClick={() => p.onDarkPages(!p.darkPages)}>
            <Icon name="moon" />
          </button>
        ) : null}
        <button type="button" className="icon-button" title="Find (Ctrl/Cmd+F)" data-testid="reader-find-open" onClick={p.onFind}>
          <Icon name="search" />
        </button>
        <button type="button" className={`icon-button${p.sidebarOpen ? ' on' : ''}`} title="Annotations" aria-pressed={p.sidebarOpen} data-testid="reader-sidebar-toggle" onClick={() => p.onSidebar(!p.sidebarOpen)}>
          <Icon name="quote" />
        </button>
      </div>
    </div>
  );
}
