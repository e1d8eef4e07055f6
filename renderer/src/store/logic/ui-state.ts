import {
  DEFAULT_UI_STATE, READER_PLACES_MAX, READER_TABS_MAX, type ReaderPlace, type ReaderTabRef, type SortColumn, type UiState,
} from '../../../../shared/api/ui-types.ts';

export const PANE_LIMITS = {
  sidebar: { min: 160, max: 480 },
  details: { min: 300, max: 760 },
} as const;

const SORT_COLUMNS: readonly SortColumn[] = ['title', 'authors', 'year', 'venue', 'key', 'addedAt'];

export function clampWidth(value: unknown, limits: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.round(Math.max(limits.min, Math.min(limits.max, value)));
}

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A stored UI state made safe to apply: unknown or out-of-range values fall back to the defaults. */
export function normalizeUiState(raw: Partial<UiState> | null | undefined): UiState {
  const d = DEFAULT_UI_STATE;
  const s = raw ?? {};
  const sort = s.sort && typeof s.sort === 'object' ? s.sort : d.sort;
  return {
    view: typeof s.view === 'string' ? s.view : d.view,
    selectedItemIds: stringList(s.selectedItemIds),
    sort: { column: oneOf(sort.column, SORT_COLUMNS, d.sort.column), direction: oneOf(sort.direction, ['asc', 'desc'], d.sort.direction) },
    expandedCollections: stringList(s.expandedCollections),
    sidebarWidth: clampWidth(s.sidebarWidth, PANE_LIMITS.sidebar, d.sidebarWidth),
    detailsWidth: clampWidth(s.detailsWidth, PANE_LIMITS.details, d.detailsWidth),
    noteMode: oneOf(s.noteMode, ['edit', 'preview'], d.noteMode),
    theme: oneOf(s.theme, ['system', 'light', 'dark'], d.theme),
    filter: typeof s.filter === 'string' ? s.filter : d.filter,
    ...(typeof s.cleanStart === 'boolean' ? { cleanStart: s.cleanStart } : {}),
    readerPlaces: boundReaderPlaces(s.readerPlaces),
    readerDarkPages: typeof s.readerDarkPages === 'boolean' ? s.readerDarkPages : true,
    readerTabs: boundReaderTabs(s.readerTabs),
    activeReaderTab: typeof s.activeReaderTab === 'string' ? s.activeReaderTab : null,
  };
}

const isTabRef = (v: unknown): v is ReaderTabRef =>
  typeof v === 'object' && v !== null && typeof (v as ReaderTabRef).itemId === 'string' && typeof (v as ReaderTabRef).attachmentId === 'string';

/** Well-formed tabs only, each PDF once, the first READER_TABS_MAX in tab order. */
export function boundReaderTabs(raw: unknown): ReaderTabRef[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: ReaderTabRef[] = [];
  for (const v of raw) {
    if (!isTabRef(v) || seen.has(v.attachmentId)) continue;
    seen.add(v.attachmentId);
    out.push({ itemId: v.itemId, attachmentId: v.attachmentId });
    if (out.length === READER_TABS_MAX) break;
  }
  return out;
}

const isPlace = (v: unknown): v is ReaderPlace =>
  typeof v === 'object' && v !== null && Number.isInteger((v as ReaderPlace).page) && (v as ReaderPlace).page >= 1
  && typeof (v as ReaderPlace).scale === 'string' && (v as ReaderPlace).scale.length <= 20 && Number.isFinite((v as ReaderPlace).at);

/** Valid places only, the newest READER_PLACES_MAX of them. */
export function boundReaderPlaces(raw: unknown): Record<string, ReaderPlace> {
  if (typeof raw !== 'object' || raw === null) return {};
  const entries = Object.entries(raw as Record<string, unknown>).filter((e): e is [string, ReaderPlace] => e[0].length <= 200 && isPlace(e[1]));
  entries.sort((a, b) => b[1].at - a[1].at);
  return Object.fromEntries(entries.slice(0, READER_PLACES_MAX));
}

export function sameUiState(a: UiState, b: UiState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
