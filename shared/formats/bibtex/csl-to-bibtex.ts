import type { BibtexField } from '../../model/bibtex-source.ts';
import type { CslDate, CslItemData, CslName } from '../../model/csl.ts';
import { bibtexYearMonth, formatIsoDate } from './bibtex-dates.ts';
import { monthMacro } from './bibtex-months.ts';
import { formatNames } from './bibtex-names.ts';
import { numberIsIssue } from './bibtex-types.ts';
import { encodeLatexText, encodeTitle } from './latex-encode.ts';

export type BibtexDialect = 'bibtex' | 'biblatex';

function text(csl: CslItemData, variable: string): string | undefined {
  const v = csl[variable];
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const trimmed = v.trim();
  return trimmed === '' ? undefined : trimmed;
}

function names(csl: CslItemData, variable: string): CslName[] | undefined {
  const v = csl[variable];
  return Array.isArray(v) && v.length > 0 ? (v as CslName[]) : undefined;
}

function date(csl: CslItemData, variable: string): CslDate | undefined {
  const v = csl[variable];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as CslDate) : undefined;
}

/** Verbatim fields (url, doi) are written as they are; braces must still balance for the .bib syntax. */
function verbatim(value: string): string {
  let depth = 0;
  for (const ch of value) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) break;
  }
  return depth === 0 ? value : value.replace(/[{}]/g, '');
}

/** CSL page ranges ("431-456, 791-823") in BibTeX's en-dash form. */
function pages(value: string): string {
  return value.replace(/(\w)\s*[-‐‑–—]+\s*(?=\w)/g, '$1--');
}

/**
 * BibTeX fields written from CSL, for the CSL variables in `only` (all
 * when absent), in a conventional order and with the dialect's field names.
 */
export function fieldsFromCsl(csl: CslItemData, dialect: BibtexDialect, only?: ReadonlySet<string>): BibtexField[] {
  const out: BibtexField[] = [];
  const biblatex = dialect === 'biblatex';
  const wants = (variable: string): boolean => only === undefined || only.has(variable);
  const put = (name: string, value: string): void => {
    out.push({ name, raw: `{${value}}` });
  };
  const putText = (variable: string, name: string, encode: (s: string) => string = encodeLatexText): void => {
    const v = wants(variable) ? text(csl, variable) : undefined;
    if (v !== undefined) put(name, encode(v));
  };
  const putNames = (variable: string, name: string): void => {
    const v = wants(variable) ? names(csl, variable) : undefined;
    if (v) put(name, formatNames(v));
  };
  const putDate = (variable: string, name: string): void => {
    const v = wants(variable) ? date(csl, variable) : undefined;
    const iso = v ? formatIsoDate(v) : null;
    if (iso !== null) put(name, iso);
  };
  const journalLike = numberIsIssue(csl.type);

  putNames('author', 'author');
  putNames('editor', 'editor');
  putNames('translator', 'translator');
  putNames('container-author', 'bookauthor');
  putText('title', 'title', encodeTitle);
  putText('title-short', 'shorttitle', encodeTitle);
  putText('container-title', journalLike ? (biblatex ? 'journaltitle' : 'journal') : 'booktitle', journalLike ? encodeLatexText : encodeTitle);
  putText('container-title-short', 'shortjournal');
  putText('collection-title', 'series');
  putText('edition', 'edition');
  putText('volume', 'volume');
  putText('issue', journalLike ? 'number' : 'issue');
  if (!journalLike || text(csl, 'issue') === undefined) putText('number', 'number');
  putText('chapter-number', 'chapter');
  if (wants('page')) {
    const p = text(csl, 'page');
    if (p !== undefined) put('pages', pages(encodeLatexText(p)));
  }
  putText('number-of-pages', 'pagetotal');
  const publisherField = csl.type === 'thesis' ? (biblatex ? 'institution' : 'school') : csl.type === 'report' ? 'institution' : 'publisher';
  putText('publisher', publisherField);
  putText('publisher-place', biblatex ? 'location' : 'address');
  const issued = wants('issued') ? date(csl, 'issued') : undefined;
  if (issued) {
    const iso = biblatex ? formatIsoDate(issued) : null;
    if (iso !== null) put('date', iso);
    else {
      const { year, month } = bibtexYearMonth(issued);
      if (year !== undefined) put('year', encodeLatexText(year));
      const macro = month === undefined ? undefined : monthMacro(month);
      // The predefined macro, unbraced, so every style prints the month in its own language.
      if (macro && !biblatex) out.push({ name: 'month', raw: macro });
      else if (month !== undefined) put('month', String(month));
    }
  }
  putText('event-title', 'eventtitle');
  putText('event-place', 'venue');
  if (biblatex) putDate('event-date', 'eventdate');
  if (biblatex) putDate('original-date', 'origdate');
  putText('genre', 'type');
  putText('medium', 'howpublished');
  putText('version', 'version');
  putText('ISBN', 'isbn');
  putText('ISSN', 'issn');
  for (const [variable, name] of [['DOI', 'doi'], ['URL', 'url'], ['archive_location', 'eprint']] as const) {
    const v = wants(variable) ? text(csl, variable) : undefined;
    if (v !== undefined) put(name, verbatim(v));
  }
  putText('archive', biblatex ? 'eprinttype' : 'archiveprefix');
  putDate('accessed', 'urldate');
  putText('language', 'language');
  putText('keyword', 'keywords');
  putText('abstract', 'abstract');
  putText('note', 'note');
  putText('annote', biblatex ? 'annotation' : 'annote');
  return out;
}
