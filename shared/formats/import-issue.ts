/** A text format Folio reads references from. */
export type ImportFormat = 'bibtex' | 'ris' | 'csl-json' | 'listing' | 'html';

/** One entry that was skipped or imported with a caveat, located as `file:line`. */
export interface ImportIssue {
  file: string;
  line: number;
  reason: string;
  key?: string;
}
