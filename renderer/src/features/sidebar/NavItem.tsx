import type { DragEvent, MouseEvent, ReactNode } from 'react';
import { Icon, type IconName } from '../../components/Icon.tsx';

interface NavItemProps {
  icon: IconName;
  label: string;
  count?: number;
  active: boolean;
  onSelect(): void;
  testId: string;
  dropOver?: boolean;
  dropHandlers?: {
    onDragOver(e: DragEvent<HTMLElement>): void;
    onDragLeave(e: DragEvent<HTMLElement>): void;
    onDrop(e: DragEvent<HTMLElement>): void;
  };
  onContextMenu?: (e: MouseEvent) => void;
  children?: ReactNode;
}

/** One fixed line of the sidebar (All Items, Unfiled, Trash, a tag). */
export function NavItem({ icon, label, count, active, onSelect, testId, dropOver, dropHandlers, onContextMenu, children }: NavItemProps) {
  return (
    <div
      className={`nav-item${active ? ' active' : ''}${dropOver ? ' drop-over' : ''}`}
      role="treeitem"
      aria-selected={active}
      tabIndex={0}
      data-testid={testId}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
      onContextMenu={onContextMenu}
      {...dropHandlers}
    >
      <Icon name={icon} className="nav-icon" />
      <span className="nav-label">{label}</span>
      {children}
      {count !== undefined ? <span className="nav-count">{count.toLocaleString()}</span> : null}
    </div>
  );
}
