/**
 * CSL-JSON is Folio's canonical metadata (citation-js speaks it natively).
 * Only the fields Folio reads directly are typed; any other CSL variable is allowed.
 */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  raw?: string;
  literal?: string;
  season?: number | string;
  circa?: boolean | number | string;
}

export interface CslItemData {
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  number?: string;
  edition?: string;
  publisher?: string;
  'publisher-place'?: string;
  DOI?: string;
  URL?: string;
  ISBN?: string;
  ISSN?: string;
  abstract?: string;
  note?: string;
  keyword?: string;
  language?: string;
  [variable: string]: unknown;
}

/** CSL variables that hold names (a structured list, never one string). */
export const CSL_NAME_VARIABLES = ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'director', 'interviewer', 'recipient', 'reviewed-author', 'composer', 'illustrator', 'original-author'] as const;

/** CSL variables that hold dates. */
export const CSL_DATE_VARIABLES = ['issued', 'accessed', 'event-date', 'original-date', 'submitted'] as const;

export function cslYear(data: CslItemData): number | null {
  const first = data.issued?.['date-parts']?.[0]?.[0];
  const n = typeof first === 'string' ? Number.parseInt(first, 10) : first;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  const raw = data.issued?.raw ?? data.issued?.literal;
  const m = raw ? /\b(\d{4})\b/.exec(raw) : null;
  return m ? Number(m[1]) : null;
}

export function nameFamily(name: CslName): string {
  if (name.family) return name['non-dropping-particle'] ? `${name['non-dropping-particle']} ${name.family}` : name.family;
  return name.literal ?? name.given ?? '';
}
