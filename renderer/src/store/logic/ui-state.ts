import { DEFAULT_UI_STATE, type SortColumn, type UiState } from '../../../../shared/api/ui-types.ts';

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
  };
}

export function sameUiState(a: UiState, b: UiState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
