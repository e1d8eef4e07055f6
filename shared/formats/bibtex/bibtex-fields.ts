import { numberIsIssue } from './bibtex-types.ts';

/**
 * Which BibTeX/biblatex fields feed which CSL variable. Used both to build
 * CSL on import and, on export, to know which source fields an edited CSL
 * variable replaces.
 */
export type FieldKind = 'text' | 'verbatim' | 'names' | 'page';

export interface FieldRule {
  csl: string;
  kind: FieldKind;
  /** BibTeX fields (lower case) that hold this variable, the preferred one first. */
  fields: readonly string[];
}

export const SIMPLE_FIELD_RULES: readonly FieldRule[] = [
  { csl: 'author', kind: 'names', fields: ['author'] },
  { csl: 'editor', kind: 'names', fields: ['editor'] },
  { csl: 'translator', kind: 'names', fields: ['translator'] },
  { csl: 'container-author', kind: 'names', fields: ['bookauthor'] },
  { csl: 'title-short', kind: 'text', fields: ['shorttitle'] },
  { csl: 'container-title', kind: 'text', fields: ['journaltitle', 'journal', 'booktitle'] },
  { csl: 'container-title-short', kind: 'text', fields: ['shortjournal'] },
  { csl: 'collection-title', kind: 'text', fields: ['series'] },
  { csl: 'volume', kind: 'text', fields: ['volume'] },
  { csl: 'edition', kind: 'text', fields: ['edition'] },
  { csl: 'page', kind: 'page', fields: ['pages'] },
  { csl: 'number-of-pages', kind: 'text', fields: ['pagetotal'] },
  { csl: 'publisher', kind: 'text', fields: ['publisher', 'institution', 'school', 'organization'] },
  { csl: 'publisher-place', kind: 'text', fields: ['location', 'address'] },
  { csl: 'ISBN', kind: 'text', fields: ['isbn'] },
  { csl: 'ISSN', kind: 'text', fields: ['issn'] },
  { csl: 'DOI', kind: 'verbatim', fields: ['doi'] },
  { csl: 'URL', kind: 'verbatim', fields: ['url'] },
  { csl: 'archive_location', kind: 'verbatim', fields: ['eprint'] },
  { csl: 'archive', kind: 'text', fields: ['eprinttype', 'archiveprefix'] },
  { csl: 'abstract', kind: 'text', fields: ['abstract'] },
  { csl: 'keyword', kind: 'text', fields: ['keywords'] },
  { csl: 'note', kind: 'text', fields: ['note'] },
  { csl: 'annote', kind: 'text', fields: ['annotation', 'annote'] },
  { csl: 'genre', kind: 'text', fields: ['type'] },
  { csl: 'chapter-number', kind: 'text', fields: ['chapter'] },
  { csl: 'version', kind: 'text', fields: ['version'] },
  { csl: 'event-title', kind: 'text', fields: ['eventtitle'] },
  { csl: 'event-place', kind: 'text', fields: ['venue'] },
  { csl: 'language', kind: 'text', fields: ['language'] },
  { csl: 'medium', kind: 'text', fields: ['howpublished'] },
];

/** Fields handled by dedicated code in the CSL builder, with the variable each feeds. */
const SPECIAL_FIELDS: Readonly<Record<string, string>> = {
  title: 'title',
  subtitle: 'title',
  titleaddon: 'title',
  date: 'issued',
  year: 'issued',
  month: 'issued',
  day: 'issued',
  urldate: 'accessed',
  eventdate: 'event-date',
  origdate: 'original-date',
};

const BY_FIELD = new Map<string, string>();
for (const rule of SIMPLE_FIELD_RULES) for (const f of rule.fields) BY_FIELD.set(f, rule.csl);
for (const [f, v] of Object.entries(SPECIAL_FIELDS)) BY_FIELD.set(f, v);

/** The CSL variable a BibTeX field feeds for an item of this CSL type, if any. */
export function cslVariableOfField(fieldName: string, cslType: string): string | undefined {
  const lower = fieldName.toLowerCase();
  if (lower === 'number') return numberIsIssue(cslType) ? 'issue' : 'number';
  if (lower === 'issue') return 'issue';
  return BY_FIELD.get(lower);
}

/** Fields whose value is not LaTeX text (biblatex's verbatim fields). */
export const VERBATIM_FIELDS: ReadonlySet<string> = new Set(['url', 'doi', 'eprint', 'file', 'pdf', 'verba', 'verbb', 'verbc']);
