import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/index.ts';
import { NavItem } from './NavItem.tsx';

const FILTER_FROM = 12;

/** Every tag with its item count; a click shows the items carrying it. */
export function TagList() {
  const { tags, view } = useStore(useShallow((s) => ({ tags: s.tags, view: s.view })));
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q ? tags.filter((t) => t.tag.toLowerCase().includes(q)) : tags;

  return (
    <section className="sidebar-section" aria-label="Tags">
      <div className="sidebar-heading">
        <span>Tags</span>
      </div>
      {tags.length >= FILTER_FROM ? (
        <input className="tag-filter" type="search" placeholder="Filter tags" aria-label="Filter tags" value={query} onChange={(e) => setQuery(e.target.value)} />
      ) : null}
      {tags.length === 0 ? <p className="sidebar-empty">No tags yet. Add them in the item pane.</p> : null}
      <div role="tree" aria-label="Tags" className="tag-list" data-testid="tag-list">
        {shown.map((t) => (
          <NavItem
            key={t.tag}
            icon="tag"
            label={t.tag}
            count={t.count}
            active={view === `tag:${t.tag}`}
            testId="tag-node"
            onSelect={() => useStore.getState().setView({ kind: 'tag', tag: t.tag })}
          />
        ))}
      </div>
    </section>
  );
}
