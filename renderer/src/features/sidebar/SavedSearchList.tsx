import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SavedSearchInfo } from '../../../../shared/api/search-types.ts';
import { ContextMenu } from '../../components/ContextMenu.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { RenameInput } from './RenameInput.tsx';
import { SavedSearchDialog } from './SavedSearchDialog.tsx';

interface MenuState {
  x: number;
  y: number;
  saved: SavedSearchInfo;
}

/** Smart collections: each saved query with how many items it finds now; a click shows them. */
export function SavedSearchList() {
  const { saved, view, renaming, edit } = useStore(
    useShallow((s) => ({ saved: s.savedSearches, view: s.view, renaming: s.renamingSaved, edit: s.savedSearchEdit })),
  );
  const [menu, setMenu] = useState<MenuState | null>(null);
  const s = useStore.getState;

  return (
    <section className="sidebar-section" aria-label="Saved searches">
      <div className="sidebar-heading">
        <span>Saved searches</span>
      </div>
      {saved.length === 0 ? <p className="sidebar-empty">Type a query above the table, then “Save search”.</p> : null}
      <div role="tree" aria-label="Saved searches" data-testid="saved-search-list">
        {saved.map((item) => {
          const active = view === `saved:${item.name}`;
          const isRenaming = renaming === item.name;
          const select = () => s().setView({ kind: 'saved', name: item.name });
          return (
            <div
              key={item.name}
              className={`nav-item${active ? ' active' : ''}${menu?.saved.name === item.name ? ' menu-target' : ''}`}
              role="treeitem"
              aria-selected={active}
              aria-label={item.name}
              tabIndex={0}
              title={item.query}
              data-testid="saved-search-node"
              data-name={item.name}
              onClick={select}
              onDoubleClick={() => s().startRenameSaved(item.name)}
              onKeyDown={(e) => {
                if (isRenaming) return;
                if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); }
                else if (e.key === 'F2') { e.preventDefault(); s().startRenameSaved(item.name); }
                else if (e.key === 'Delete') { e.preventDefault(); void s().deleteSaved(item.name); }
              }}
              onContextMenu={(e) => { e.preventDefault(); setMenu({ x: e.clientX, y: e.clientY, saved: item }); }}
            >
              <Icon name="search" className="nav-icon" />
              {isRenaming ? (
                <RenameInput
                  initial={item.name}
                  label="Saved search name"
                  testId="saved-search-rename-input"
                  onDone={(name) => (name === null ? s().startRenameSaved(null) : void s().renameSaved(item.name, name))}
                />
              ) : (
                <span className="nav-label">{item.name}</span>
              )}
              {item.count === null ? (
                <span className="nav-count saved-search-broken" title="The query no longer parses: edit it" data-testid="saved-search-count">
                  <Icon name="warning" size={12} />
                </span>
              ) : (
                <span className="nav-count" data-testid="saved-search-count">{item.count.toLocaleString()}</span>
              )}
            </div>
          );
        })}
      </div>
      {menu ? (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label={`Saved search ${menu.saved.name}`}
          onClose={() => setMenu(null)}
          items={[
            { label: 'Rename', testId: 'saved-menu-rename', onSelect: () => s().startRenameSaved(menu.saved.name) },
            { label: 'Edit Query…', testId: 'saved-menu-edit', onSelect: () => s().openSavedSearchEdit({ name: menu.saved.name, query: menu.saved.query, previousName: menu.saved.name }) },
            'separator',
            {
              label: 'Export Saved Search…',
              testId: 'saved-menu-export',
              onSelect: () => s().openDialog({ kind: 'export', scope: { kind: 'saved', name: menu.saved.name }, label: `Saved search “${menu.saved.name}”` }),
            },
            {
              label: 'Auto-export…',
              testId: 'saved-menu-auto-export',
              onSelect: () => s().openDialog({ kind: 'auto-export', collectionId: null, savedSearch: menu.saved.name, label: `Saved search “${menu.saved.name}”` }),
            },
            'separator',
            { label: 'Delete Saved Search…', danger: true, testId: 'saved-menu-delete', onSelect: () => void s().deleteSaved(menu.saved.name) },
          ]}
        />
      ) : null}
      {edit ? <SavedSearchDialog edit={edit} /> : null}
    </section>
  );
}
