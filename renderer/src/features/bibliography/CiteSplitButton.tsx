import { useState } from 'react';
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.tsx';
import { Icon } from '../../components/Icon.tsx';
import { selectedIds, useStore } from '../../store/index.ts';
import { CITE_COMMANDS } from './cite-commands.ts';

/** "Copy \cite{}" with the library's default command, and a menu of the other commands. */
export function CiteSplitButton({ disabled }: { disabled: boolean }) {
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const s = useStore.getState;
  const entries: MenuEntry[] = CITE_COMMANDS.map((command) => ({
    label: `Copy \\${command}{…}`,
    testId: `cite-menu-${command}`,
    onSelect: () => void s().copyCite(selectedIds(s()), command),
  }));
  return (
    <span className="split-button">
      <button type="button" className="icon-button" title="Copy \cite{…} for the selection (Ctrl+Shift+C)" aria-label="Copy cite command" data-testid="cite-button" disabled={disabled} onClick={() => void s().copyCite(selectedIds(s()))}>
        <Icon name="quote" />
      </button>
      <button
        type="button"
        className="icon-button split-caret"
        title="Copy with another cite command"
        aria-label="Other cite commands"
        aria-haspopup="menu"
        data-testid="cite-menu-button"
        disabled={disabled}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setMenu({ x: r.left, y: r.bottom + 2 });
        }}
      >
        <Icon name="chevronDown" size={12} />
      </button>
      {menu ? <ContextMenu x={menu.x} y={menu.y} label="Cite commands" items={entries} onClose={() => setMenu(null)} /> : null}
    </span>
  );
}
