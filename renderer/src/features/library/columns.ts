import type { SortColumn } from '../../../../shared/api/ui-types.ts';
import type { ItemRow } from '../../../../shared/model/item.ts';

export interface Column {
  id: SortColumn;
  label: string;
  /** CSS grid track. */
  track: string;
  className: string;
  text(row: ItemRow): string;
}

export const COLUMNS: readonly Column[] = [
  { id: 'title', label: 'Title', track: 'minmax(120px, 4fr)', className: 'col-title', text: (r) => r.title || '(untitled)' },
  { id: 'authors', label: 'Authors', track: 'minmax(70px, 1.5fr)', className: 'col-authors', text: (r) => r.authors },
  { id: 'year', label: 'Year', track: '54px', className: 'col-year num', text: (r) => (r.year === null ? '' : String(r.year)) },
  { id: 'venue', label: 'Venue', track: 'minmax(56px, 1.3fr)', className: 'col-venue', text: (r) => r.venue },
  { id: 'key', label: 'Key', track: 'minmax(56px, 1fr)', className: 'col-key mono', text: (r) => r.key },
  { id: 'addedAt', label: 'Added', track: '84px', className: 'col-added num', text: (r) => r.addedAt.slice(0, 10) },
];

/** Cells whose matched words are marked while searching. */
export const MARKED_COLUMNS: ReadonlySet<SortColumn> = new Set(['title', 'authors', 'venue', 'key']);

const template = (skip: readonly string[]): string =>
  `20px ${COLUMNS.filter((c) => !skip.includes(c.id)).map((c) => c.track).join(' ')} 76px`;

/**
 * Status dot | columns | flag/note/pdf/annotation-count indicators. A narrow table (a wide
 * item pane on a laptop) drops Added, then Venue, rather than squeezing every
 * column into an ellipsis (see the container queries in table.css).
 */
export const GRID_TEMPLATES = {
  full: template([]),
  medium: template(['addedAt']),
  narrow: template(['addedAt', 'venue']),
} as const;

export const ROW_HEIGHT = 26;
/** A row with a snippet line under it (a full-text, note or abstract match). */
export const SNIPPET_ROW_HEIGHT = 44;
