import type { CslItemData } from '../../model/csl.ts';
import type { RawEntry } from './bibtex-parser.ts';
import { SIMPLE_FIELD_RULES } from './bibtex-fields.ts';
import { issuedFromFields, parseIsoDate } from './bibtex-dates.ts';
import { parseNames } from './bibtex-names.ts';
import { cslTypeOf, numberIsIssue } from './bibtex-types.ts';
import { decodeLatex, decodeVerbatim } from './latex-decode.ts';

/** The CSL view of one parsed entry: clean Unicode, LaTeX decoded. */
export function entryToCsl(entry: RawEntry): CslItemData {
  const values = entry.values;
  const text = (name: string): string | undefined => {
    const v = values.get(name);
    return v === undefined ? undefined : decodeLatex(v);
  };

  const csl: CslItemData = { type: cslTypeOf(entry.type, text('entrysubtype')) };

  const title = text('title');
  if (title !== undefined) {
    let full = title;
    for (const part of ['subtitle', 'titleaddon']) {
      const extra = text(part);
      if (extra) full = full === '' ? extra : /[.:?!]$/.test(full) ? `${full} ${extra}` : `${full}: ${extra}`;
    }
    if (full !== '') csl.title = full;
  }

  for (const rule of SIMPLE_FIELD_RULES) {
    const field = rule.fields.find((f) => values.has(f));
    if (field === undefined) continue;
    const raw = values.get(field) ?? '';
    if (rule.kind === 'names') {
      const names = parseNames(raw);
      if (names.length > 0) csl[rule.csl] = names;
      continue;
    }
    const value = rule.kind === 'verbatim' ? decodeVerbatim(raw) : decodeLatex(raw);
    if (value === '') continue;
    // CSL page ranges use a plain hyphen; processors pick the dash.
    csl[rule.csl] = rule.kind === 'page' ? value.replace(/\s*[–—]\s*/g, '-') : value;
  }

  const number = text('number');
  const issue = text('issue');
  if (numberIsIssue(csl.type)) {
    const v = number || issue;
    if (v) csl.issue = v;
  } else {
    if (number) csl.number = number;
    if (issue) csl.issue = issue;
  }

  const issued = issuedFromFields(text('date'), text('year'), text('month'), text('day'));
  if (issued) csl.issued = issued;
  for (const [field, variable] of [['urldate', 'accessed'], ['eventdate', 'event-date'], ['origdate', 'original-date']] as const) {
    const v = text(field);
    if (!v) continue;
    csl[variable] = parseIsoDate(v) ?? { literal: v };
  }
  return csl;
}

/** Items are stored and edited separately: an inherited value must not be shared. */
function copy(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value;
}

/** Variables a crossref child takes from its parent when it has none of its own (biblatex's default inheritance, simplified). */
const INHERITED_FROM_PARENT = ['editor', 'publisher', 'publisher-place', 'issued', 'collection-title', 'volume', 'ISBN', 'container-author'] as const;

/**
 * Fills the CSL of crossref and xdata children from parents in the same file,
 * so the UI shows the book title and year of a chapter. The BibTeX source is
 * left alone: exports still carry the `crossref` field, not copies.
 */
export function inheritFromParents(entries: Array<{ key: string; values: ReadonlyMap<string, string>; csl: CslItemData }>): void {
  const byKey = new Map(entries.map((e) => [e.key.toLowerCase(), e]));
  for (const child of entries) {
    for (const xdataKey of (child.values.get('xdata') ?? '').split(',')) {
      const data = byKey.get(xdataKey.trim().toLowerCase());
      if (!data || data === child) continue;
      for (const [variable, value] of Object.entries(data.csl)) {
        if (variable !== 'type' && child.csl[variable] === undefined) child.csl[variable] = copy(value);
      }
    }
    const parentKey = child.values.get('crossref');
    const parent = parentKey ? byKey.get(parentKey.trim().toLowerCase()) : undefined;
    if (!parent || parent === child) continue;
    if (child.csl['container-title'] === undefined && parent.csl.title !== undefined) child.csl['container-title'] = parent.csl.title;
    const target: Record<string, unknown> = child.csl;
    for (const variable of INHERITED_FROM_PARENT) {
      if (target[variable] === undefined && parent.csl[variable] !== undefined) target[variable] = copy(parent.csl[variable]);
    }
  }
}
