import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { shownSort, useStore } from '../../store/index.ts';
import { COLUMNS } from './columns.ts';

export function TableHeader() {
  const { column, direction } = useStore(useShallow((s) => {
    const sort = shownSort(s);
    return { column: sort.column, direction: sort.direction };
  }));
  const toggleSort = useStore((s) => s.toggleSort);
  return (
    <div className="table-header" role="row" aria-rowindex={1}>
      <div className="cell col-status" role="columnheader" aria-label="Read status" />
      {COLUMNS.map((c) => {
        const active = c.id === column;
        return (
          <div
            key={c.id}
            className={`cell ${c.className}${active ? ' sorted' : ''}`}
            role="columnheader"
            aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" className="header-button" data-testid={`sort-${c.id}`} onClick={() => toggleSort(c.id)}>
              <span className="header-label">{c.label}</span>
              {active ? <Icon name="chevronDown" size={12} className={direction === 'asc' ? 'sort-icon asc' : 'sort-icon'} /> : null}
            </button>
          </div>
        );
      })}
      <div className="cell col-indicators" role="columnheader" aria-label="Attachments and notes" />
    </div>
  );
}
