import type { CslDate, CslItemData, CslName } from '../../model/csl.ts';
import { formatRisDate } from './ris-dates.ts';
import { formatRisName } from './ris-names.ts';
import { BOOK_LIKE, CONFERENCE_TYPES, CSL_TO_RIS_TYPE } from './ris-types.ts';

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function nameList(value: unknown): CslName[] {
  return Array.isArray(value) ? value.filter((n): n is CslName => typeof n === 'object' && n !== null) : [];
}

function dateOf(value: unknown): CslDate | undefined {
  return typeof value === 'object' && value !== null ? (value as CslDate) : undefined;
}

/** Writes one record; the tag order is fixed so exports diff cleanly. */
function recordLines(item: CslItemData): string[] {
  const type = CSL_TO_RIS_TYPE[item.type] ?? 'GEN';
  const out: string[] = [`TY  - ${type}`];
  const put = (tag: string, value: unknown): void => {
    const text = str(value);
    if (text === undefined) return;
    // RIS values are single lines; a multi-line abstract is written as continuation lines.
    const lines = tag === 'AB' ? text.split(/\n+/) : [text.replace(/\s*\n\s*/g, ' ')];
    out.push(`${tag}  - ${lines[0]}`, ...lines.slice(1));
  };
  const putNames = (tag: string, value: unknown): void => {
    for (const name of nameList(value)) put(tag, formatRisName(name) ?? undefined);
  };

  put('ID', item.id);
  put('TI', item.title);
  putNames('AU', item.author);
  putNames('A2', item.editor);
  putNames('A3', item['collection-editor']);
  putNames('A4', item.translator);
  if (BOOK_LIKE.has(type)) {
    put('T2', item['collection-title']);
  } else if (CONFERENCE_TYPES.has(type) && str(item['event-title'])) {
    put('C3', item['container-title']);
    put('T2', item['event-title']);
    put('T3', item['collection-title']);
  } else {
    put('T2', item['container-title']);
    put('T3', item['collection-title']);
  }
  put('JA', item['container-title-short']);
  const issued = dateOf(item.issued);
  if (issued) {
    const { year, full } = formatRisDate(issued);
    put('PY', year);
    put('DA', full);
  }
  const accessed = dateOf(item.accessed);
  if (accessed) put('Y2', formatRisDate(accessed).full ?? formatRisDate(accessed).year);
  put('VL', item.volume);
  put('IS', item.issue);
  const page = str(item.page);
  // Only a plain hyphen splits into SP/EP; anything else is kept whole so it reads back the same.
  const range = page ? /^([^-]+)-([^-]+)$/.exec(page) : null;
  if (range) {
    put('SP', range[1]!.trim());
    put('EP', range[2]!.trim());
  } else {
    put('SP', page);
  }
  put('ET', item.edition);
  put('NV', item['number-of-volumes']);
  put('PB', item.publisher);
  put('CY', item['publisher-place']);
  put('SN', item.ISBN ?? item.ISSN);
  put('DO', item.DOI);
  put('UR', item.URL);
  put('LA', item.language);
  for (const keyword of str(item.keyword)?.split(/,\s*/) ?? []) put('KW', keyword);
  put('AB', item.abstract);
  for (const note of str(item.note)?.split('\n') ?? []) put('N1', note);
  put('ST', item['title-short']);
  put('M3', item.genre);
  put('CN', item['call-number']);
  put('DP', item.source);
  out.push('ER  - ');
  return out;
}

/** RIS for the items: one record each, a blank line between records. */
export function exportRis(items: CslItemData[]): string {
  return items.map((item) => `${recordLines(item).join('\n')}\n`).join('\n');
}
