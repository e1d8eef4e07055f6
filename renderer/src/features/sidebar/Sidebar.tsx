import { CollectionTree } from './CollectionTree.tsx';
import { LibraryNav } from './LibraryNav.tsx';
import { SavedSearchList } from './SavedSearchList.tsx';
import { TagList } from './TagList.tsx';
import './sidebar.css';

export function Sidebar() {
  return (
    <nav className="library-nav" aria-label="Library navigation" data-testid="sidebar">
      <div className="sidebar-scroll">
        <section className="sidebar-section" role="tree" aria-label="Library">
          <LibraryNav />
        </section>
        <CollectionTree />
        <SavedSearchList />
        <TagList />
      </div>
    </nav>
  );
}
