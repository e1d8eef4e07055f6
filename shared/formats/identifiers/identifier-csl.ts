import type { CslItemData } from '../../model/csl.ts';
import type { FoundIdentifier } from './identifier-types.ts';

/** Year and month an arXiv id was submitted: `2401.01335` → [2024, 1]; `hep-th/9901001` → [1999, 1]. */
export function arxivIdDate(id: string): [number, number] | null {
  const m = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return null;
  const yy = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  // Old-style ids start in August 1991; new-style ids in April 2007.
  const year = id.includes('/') && yy >= 91 ? 1900 + yy : 2000 + yy;
  return [year, month];
}

/** The CSL every arXiv paper carries: archive, eprint id, arXiv's DOI, abstract page, submission month. */
export function arxivCsl(id: string): CslItemData {
  const csl: CslItemData = {
    type: 'article',
    publisher: 'arXiv',
    archive: 'arXiv',
    archive_location: id,
    DOI: `10.48550/arXiv.${id}`,
    URL: `https://arxiv.org/abs/${id}`,
  };
  const date = arxivIdDate(id);
  if (date) csl.issued = { 'date-parts': [date] };
  return csl;
}

/** What is known about a paper from its identifier alone, before (or without) an online lookup. */
export function identifierCsl(found: FoundIdentifier): CslItemData {
  switch (found.kind) {
    case 'arxiv':
    case 'hf-paper':
      return arxivCsl(found.value);
    case 'doi':
      return { type: 'article-journal', DOI: found.value, URL: `https://doi.org/${found.value}` };
    case 'isbn':
      return { type: 'book', ISBN: found.value };
    case 'url':
      return { type: 'webpage', URL: found.value };
  }
}

/**
 * A readable citation key for an item known only by its identifier (`arXiv:2401.01335`,
 * `doi:10.1000/xyz`, `isbn:9780262035613`). It stays when the metadata arrives: keys never
 * change behind the user's back.
 */
export function identifierKey(found: FoundIdentifier): string {
  const prefix = found.kind === 'hf-paper' || found.kind === 'arxiv' ? 'arXiv' : found.kind;
  return `${prefix}:${found.value}`.replace(/[^A-Za-z0-9_:./-]/g, '');
}
