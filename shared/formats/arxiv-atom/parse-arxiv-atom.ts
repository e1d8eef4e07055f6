import type { CslItemData, CslName } from '../../model/csl.ts';
import { normalizeDoi } from '../identifiers/doi.ts';
import { parseArxivId } from '../identifiers/arxiv-id.ts';
import { attribute, elements, squash, xmlText } from './xml-text.ts';

/** One paper from the arXiv API (export.arxiv.org/api/query), as CSL. */
export interface ArxivAtomEntry {
  arxivId: string;
  version?: number;
  csl: CslItemData;
}

function splitName(full: string): CslName {
  const parts = full.trim().split(/\s+/);
  const family = parts.pop() ?? full;
  return parts.length > 0 ? { family, given: parts.join(' ') } : { literal: family };
}

function dateParts(iso: string): number[] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function one(xml: string, tag: string): string {
  const first = elements(xml, tag)[0];
  return first ? squash(xmlText(first.inner)) : '';
}

function entryCsl(entry: string, arxivId: string): CslItemData {
  const csl: CslItemData = { type: 'article', title: one(entry, 'title') };
  const authors = elements(entry, 'author').map((a) => one(a.inner, 'name')).filter((n) => n.length > 0);
  if (authors.length > 0) csl.author = authors.map(splitName);
  const published = dateParts(one(entry, 'published'));
  if (published) csl.issued = { 'date-parts': [published] };
  const summary = one(entry, 'summary');
  if (summary) csl.abstract = summary;
  csl.publisher = 'arXiv';
  csl.archive = 'arXiv';
  csl.archive_location = arxivId;
  const journalDoi = normalizeDoi(one(entry, 'arxiv:doi'));
  // The journal DOI, when the authors gave one, identifies the paper better than arXiv's own DataCite DOI.
  csl.DOI = journalDoi ?? `10.48550/arXiv.${arxivId}`;
  csl.URL = `https://arxiv.org/abs/${arxivId}`;
  const journalRef = one(entry, 'arxiv:journal_ref');
  if (journalRef) csl.note = journalRef;
  const category = attribute(elements(entry, 'arxiv:primary_category')[0]?.attrs ?? '', 'term');
  if (category) csl.keyword = category;
  return csl;
}

/**
 * Entries of an arXiv API Atom feed. The API answers an unknown id with an entry
 * whose id is an `api/errors` URL (or with no entry): those are left out.
 */
export function parseArxivAtom(xml: string): ArxivAtomEntry[] {
  const out: ArxivAtomEntry[] = [];
  for (const { inner } of elements(xml, 'entry')) {
    const idUrl = one(inner, 'id');
    if (/\/api\/errors/i.test(idUrl)) continue;
    const m = /arxiv\.org\/abs\/(.+)$/i.exec(idUrl);
    const parsed = m?.[1] ? parseArxivId(m[1]) : null;
    if (!parsed) continue;
    const title = one(inner, 'title');
    if (!title) continue;
    const entry: ArxivAtomEntry = { arxivId: parsed.id, csl: entryCsl(inner, parsed.id) };
    if (parsed.version) entry.version = parsed.version;
    out.push(entry);
  }
  return out;
}
