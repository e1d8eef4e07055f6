import { normalizeIsbn } from '../../../shared/formats/identifiers/index.ts';
import type { CslDate, CslItemData, CslName } from '../../../shared/model/csl.ts';
import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES } from '../../../shared/model/csl.ts';

/** CSL variables kept from a DOI record; Crossref adds dozens of others (references, licences, funders, scores). */
const TEXT_VARIABLES = [
  'title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'volume', 'issue', 'page', 'number',
  'edition', 'publisher', 'publisher-place', 'DOI', 'URL', 'ISBN', 'ISSN', 'abstract', 'language', 'event-title', 'event-place', 'genre',
] as const;

function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : undefined;
}

function cleanNames(value: unknown): CslName[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names: CslName[] = [];
  for (const raw of value) {
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const name: CslName = {};
    for (const part of ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
      const v = firstString(r[part]);
      if (v) name[part] = v;
    }
    if (name.family || name.literal) names.push(name);
  }
  return names.length > 0 ? names : undefined;
}

function cleanDate(value: unknown): CslDate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parts = (value as CslDate)['date-parts'];
  const first = Array.isArray(parts) ? parts[0] : undefined;
  if (!Array.isArray(first)) return undefined;
  const numbers = first.map((p) => (typeof p === 'string' ? Number.parseInt(p, 10) : p)).filter((p): p is number => typeof p === 'number' && Number.isFinite(p));
  return numbers.length > 0 ? { 'date-parts': [numbers.slice(0, 3)] } : undefined;
}

/** Strips JATS markup that Crossref leaves in abstracts (`<jats:p>`). */
function stripMarkup(text: string): string {
  return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The useful CSL of a DOI content-negotiation answer, or null when it has no title. */
export function cleanFetchedCsl(raw: unknown): CslItemData | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const title = firstString(r.title);
  if (!title) return null;
  const csl: CslItemData = { type: typeof r.type === 'string' && r.type !== '' ? r.type : 'article-journal' };
  for (const variable of TEXT_VARIABLES) {
    const v = firstString(r[variable]);
    if (v) csl[variable] = variable === 'abstract' ? stripMarkup(v) : v;
  }
  for (const variable of CSL_NAME_VARIABLES) {
    const names = cleanNames(r[variable]);
    if (names) csl[variable] = names;
  }
  for (const variable of CSL_DATE_VARIABLES) {
    const date = cleanDate(r[variable]);
    if (date) csl[variable] = date;
  }
  if (!csl.issued) {
    const date = cleanDate(r['published-print']) ?? cleanDate(r['published-online']) ?? cleanDate(r.published);
    if (date) csl.issued = date;
  }
  if (csl.DOI) csl.DOI = csl.DOI.toLowerCase();
  return csl;
}

/** A book from an OpenLibrary `/isbn/<isbn>.json` record, or null when it has no title. */
export function openLibraryCsl(raw: unknown, isbn: string): CslItemData | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const title = firstString(r.title);
  if (!title) return null;
  const subtitle = firstString(r.subtitle);
  const csl: CslItemData = { type: 'book', title: subtitle ? `${title}: ${subtitle}` : title, ISBN: normalizeIsbn(isbn) ?? isbn };
  const publisher = firstString(r.publishers);
  if (publisher) csl.publisher = publisher;
  const place = firstString(r.publish_places);
  if (place) csl['publisher-place'] = place;
  const year = /\b(\d{4})\b/.exec(firstString(r.publish_date) ?? '');
  if (year) csl.issued = { 'date-parts': [[Number(year[1])]] };
  const pages = r.number_of_pages;
  if (typeof pages === 'number') csl['number-of-pages'] = String(pages);
  const by = firstString(r.by_statement);
  if (by) {
    csl.author = by.replace(/^by\s+/i, '').replace(/\.$/, '').split(/\s*(?:,|;|\band\b|&)\s*/).filter((n) => /\p{L}/u.test(n)).map((n) => {
      const parts = n.trim().split(/\s+/);
      const family = parts.pop() ?? n;
      return parts.length > 0 ? { family, given: parts.join(' ') } : { family };
    });
  }
  return csl;
}
