import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';

/** The type-ahead filter above the table. Ctrl/Cmd+F focuses it; Escape clears it. */
export function QuickFilter() {
  const filter = useStore((s) => s.filter);
  const focusRequest = useStore((s) => s.filterFocusRequest);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  return (
    <div className="quick-filter">
      <Icon name="search" size={14} className="quick-filter-icon" />
      <input
        ref={input}
        type="search"
        placeholder="Search: words, author:, fulltext:…"
        aria-label="Search the library"
        data-testid="quick-filter"
        spellCheck={false}
        autoComplete="off"
        value={filter}
        onChange={(e) => useStore.getState().setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            useStore.getState().setFilter('');
          } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
            // Hand over to the table, keeping the current selection.
            e.preventDefault();
            const table = document.querySelector<HTMLElement>('[data-testid="item-table"]');
            table?.focus();
            if (useStore.getState().selection.selected.size === 0) void useStore.getState().moveCursor(1, false);
          }
        }}
      />
      {filter ? (
        <button type="button" className="quick-filter-clear" aria-label="Clear search" onClick={() => useStore.getState().setFilter('')}>
          <Icon name="close" size={12} />
        </button>
      ) : null}
    </div>
  );
}
