import type { CslDate, CslItemData, CslName } from '../../model/csl.ts';
import { dateDetail, parseRisDate } from './ris-dates.ts';
import { parseRisName } from './ris-names.ts';
import { BOOK_LIKE, CONFERENCE_TYPES, ISBN_TYPES, RIS_TO_CSL_TYPE } from './ris-types.ts';

/** One record's tag lines in file order, as parallel arrays (continuation lines already joined). */
export interface RisFields {
  tags: string[];
  values: string[];
}

export type RisConversion = { csl: CslItemData } | { problem: string };

const PREPRINT_SERVER = /\b(?:arxiv|biorxiv|medrxiv|ssrn|chemrxiv|psyarxiv|osf preprints|research square|preprints\.org)\b/i;

/** Single-valued tags: the first non-empty value wins. */
const SINGLE = new Set(['ID', 'TI', 'T1', 'BT', 'T2', 'T3', 'C3', 'JF', 'JO', 'JA', 'J2', 'VL', 'IS', 'SP', 'EP', 'ET', 'NV', 'PB', 'CY', 'SN', 'DO', 'UR', 'AB', 'N2', 'LA', 'ST', 'M3', 'CN', 'DP', 'DB']);
const NAME_ROLES: Readonly<Record<string, string>> = { AU: 'author', A1: 'author', A2: 'editor', ED: 'editor', A3: 'collection-editor', A4: 'translator' };
const ISSUED_TAGS = new Set(['PY', 'Y1', 'DA']);

function cleanDoi(value: string): string {
  return value.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/**
 * Maps one RIS record to CSL in a single pass over its lines, or says why it cannot be imported
 * (unknown type, impossible date). Runs once per record of 50k-record files, so it allocates little.
 */
export function risToCsl(risType: string, fields: RisFields): RisConversion {
  if (risType === '') return { problem: 'empty "TY" type' };
  const mapped = Object.hasOwn(RIS_TO_CSL_TYPE, risType) ? RIS_TO_CSL_TYPE[risType] : undefined;
  if (!mapped) return { problem: `unknown RIS type "${risType}"` };

  const one: Record<string, string> = {};
  const roles: Record<string, CslName[]> = {};
  const keywords: string[] = [];
  const notes: string[] = [];
  let issued: CslDate | undefined;
  let accessed: CslDate | undefined;
  for (let i = 0; i < fields.tags.length; i++) {
    const tag = fields.tags[i]!;
    const value = fields.values[i]!;
    if (value === '') continue;
    if (SINGLE.has(tag)) {
      one[tag] ??= value;
    } else if (tag in NAME_ROLES) {
      const name = parseRisName(value);
      if (name) (roles[NAME_ROLES[tag]!] ??= []).push(name);
    } else if (tag === 'KW') {
      keywords.push(value);
    } else if (tag === 'N1') {
      notes.push(value);
    } else if (ISSUED_TAGS.has(tag) || tag === 'Y2') {
      const parsed = parseRisDate(value);
      if (!parsed) continue;
      if ('problem' in parsed) return { problem: `${tag}: ${parsed.problem}` };
      if (tag === 'Y2') accessed ??= parsed.date;
      else if (!issued || dateDetail(parsed.date) > dateDetail(issued)) issued = parsed.date;
    }
  }

  // Reference managers write arXiv preprints as UNPB (unpublished); CSL has a type for them.
  const preprint = risType === 'UNPB' && (PREPRINT_SERVER.test(`${one.PB} ${one.T2} ${one.JO} ${one.UR}`) || /^10\.48550\//.test(cleanDoi(one.DO ?? '')));
  const csl: CslItemData = { type: preprint ? 'article' : mapped };
  const set = (variable: string, value: string | undefined): void => {
    if (value !== undefined) csl[variable] = value;
  };
  set('id', one.ID);
  set('title', one.TI ?? one.T1 ?? (BOOK_LIKE.has(risType) ? one.BT : undefined));
  for (const role of ['author', 'editor', 'collection-editor', 'translator']) if (roles[role]) csl[role] = roles[role];
  if (BOOK_LIKE.has(risType)) {
    set('collection-title', one.T2 ?? one.T3);
  } else if (CONFERENCE_TYPES.has(risType) && one.C3 !== undefined) {
    set('container-title', one.C3);
    set('event-title', one.T2);
    set('collection-title', one.T3);
  } else {
    set('container-title', one.T2 ?? one.JF ?? one.JO ?? one.BT ?? one.JA ?? one.J2);
    set('collection-title', one.T3);
  }
  const abbrev = one.JA ?? one.J2;
  if (abbrev !== undefined && abbrev !== csl['container-title']) set('container-title-short', abbrev);
  if (issued) csl.issued = issued;
  if (accessed) csl.accessed = accessed;
  set('volume', one.VL);
  set('issue', one.IS);
  const { SP: sp, EP: ep } = one;
  set('page', sp !== undefined && ep !== undefined && !/[-–]/.test(sp) ? `${sp}-${ep}` : (sp ?? ep));
  set('edition', one.ET);
  set('number-of-volumes', one.NV);
  set('publisher', one.PB);
  set('publisher-place', one.CY);
  set(ISBN_TYPES.has(risType) ? 'ISBN' : 'ISSN', one.SN);
  set('DOI', one.DO === undefined ? undefined : cleanDoi(one.DO));
  set('URL', one.UR);
  set('abstract', one.AB ?? one.N2);
  if (keywords.length) csl.keyword = keywords.join(', ');
  set('language', one.LA);
  if (notes.length) csl.note = notes.join('\n');
  set('title-short', one.ST);
  set('genre', one.M3);
  set('call-number', one.CN);
  set('source', one.DP ?? one.DB);
  return { csl };
}
