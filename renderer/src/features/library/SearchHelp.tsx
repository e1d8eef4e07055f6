import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store/index.ts';
import { SEARCH_EXAMPLES, SEARCH_HELP } from './search-help-entries.ts';
import './search-box.css';

/** The `?` at the search box: a small popover with the query language; an example click puts it in the box. */
export function SearchHelp() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  const use = (query: string) => {
    useStore.getState().setFilter(query);
    useStore.getState().requestFilterFocus();
    setOpen(false);
  };

  return (
    <div className="search-help" ref={root}>
      <button
        type="button"
        className={`icon-button search-help-button${open ? ' active' : ''}`}
        title="Search syntax"
        aria-label="Search syntax"
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="search-help-button"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      {open ? (
        <div className="search-help-popover" role="dialog" aria-label="Search syntax" data-testid="search-help">
          <div className="search-help-grid">
            {SEARCH_HELP.map((section) => (
              <section key={section.title} className="search-help-section">
                <h3>{section.title}</h3>
                <dl>
                  {section.entries.map((e) => (
                    <div key={e.syntax} className="search-help-entry">
                      <dt><code>{e.syntax}</code></dt>
                      <dd>{e.meaning}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
          <footer className="search-help-examples">
            <span>Try</span>
            {SEARCH_EXAMPLES.map((q) => (
              <button key={q} type="button" className="search-help-example" data-testid="search-help-example" onClick={() => use(q)}>
                <code>{q}</code>
              </button>
            ))}
          </footer>
        </div>
      ) : null}
    </div>
  );
}
