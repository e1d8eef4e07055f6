import type { SortColumn } from '../search/row-sort.ts';

/** Types of the `ui` group. */

export type { SortColumn };

/** What the window looked like when the user left; restored on the next start. */
export interface UiState {
  /** 'all' | 'unfiled' | 'trash' | `collection:<id>` | `tag:<name>` */
  view: string;
  selectedItemIds: string[];
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  expandedCollections: string[];
  sidebarWidth: number;
  detailsWidth: number;
  noteMode: 'edit' | 'preview';
  theme: 'system' | 'light' | 'dark';
  filter: string;
  /**
   * False from the start of restoring this state until the window has shown
   * it, and after a render error: the next start then skips the selection and
   * note preview. Absent in files from before it existed.
   */
  cleanStart?: boolean;
  /** Where each PDF was left in the reader, by attachment sha256 (at most READER_PLACES_MAX, newest kept). */
  readerPlaces?: Record<string, ReaderPlace>;
  /** Inverts PDF pages while the window is dark (default true). */
  readerDarkPages?: boolean;
  /** The PDFs open in reader tabs, in tab order (at most READER_TABS_MAX). */
  readerTabs?: ReaderTabRef[];
  /** The attachment id of the reader tab in front; null or absent: the library. */
  activeReaderTab?: string | null;
}

/** An open reader tab: the item and which of its PDFs. */
export interface ReaderTabRef {
  itemId: string;
  attachmentId: string;
}

export const READER_TABS_MAX = 50;

/** A PDF's last page and zoom: `scale` is a number as text or 'page-width' / 'page-fit'. */
export interface ReaderPlace {
  page: number;
  scale: string;
  /** When it was left (ms since 1970), to keep the newest. */
  at: number;
}

export const READER_PLACES_MAX = 200;

export const DEFAULT_UI_STATE: UiState = {
  view: 'all',
  selectedItemIds: [],
  sort: { column: 'addedAt', direction: 'desc' },
  expandedCollections: [],
  sidebarWidth: 220,
  detailsWidth: 380,
  noteMode: 'edit',
  theme: 'system',
  filter: '',
  readerPlaces: {},
  readerDarkPages: true,
  readerTabs: [],
  activeReaderTab: null,
};
