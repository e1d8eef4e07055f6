import { Icon } from '../../components/Icon.tsx';
import { useEffect } from 'react';
import { useStore } from '../../store/index.ts';
import { prewarmReader } from './reader-prewarm.ts';

/** The library and each open PDF, as tabs above the window's panes. */
export function ReaderTabs() {
  const tabs = useStore((s) => s.readerTabs);
  const active = useStore((s) => s.activeTab);
  const s = useStore.getState;
  const restored = useStore((st) => st.uiRestored);
  // Mounted with the window: once it has its library, the reader's code and the pdf.js worker start in the background.
  useEffect(() => {
    if (restored) prewarmReader();
  }, [restored]);
  if (tabs.length === 0) return null;
  return (
    <div className="reader-tabs" role="tablist" aria-label="Open documents" data-testid="reader-tabs">
      <button
        type="button"
        role="tab"
        aria-selected={active === null}
        className={`reader-tab${active === null ? ' active' : ''}`}
        data-testid="reader-tab-library"
        onClick={() => s().activateTab(null)}
      >
        <Icon name="library" />
        <span className="reader-tab-title">Library</span>
      </button>
      {tabs.map((t) => (
        <div key={t.id} className={`reader-tab${active === t.id ? ' active' : ''}`} data-testid="reader-tab" data-tab-id={t.id}>
          <button
            type="button"
            role="tab"
            aria-selected={active === t.id}
            className="reader-tab-main"
            title={t.title}
            onClick={() => s().activateTab(t.id)}
            onAuxClick={(e) => { if (e.button === 1) s().closeReader(t.id); }}
          >
            <Icon name="pdf" />
            <span className="reader-tab-title">{t.title}</span>
          </button>
          <button type="button" className="reader-tab-close" aria-label={`Close ${t.title}`} data-testid="reader-tab-close" onClick={() => s().closeReader(t.id)}>
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
