import type { CslItemData } from '../../model/csl.ts';
import { arxivCsl } from '../identifiers/index.ts';
import { looksLikeListing, parseListing, type ListingEntry } from '../listing/index.ts';
import type { Importer } from './importer.ts';

function splitAuthor(name: string): { family: string; given?: string } {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? name;
  return parts.length > 0 ? { family, given: parts.join(' ') } : { family };
}

function listingCsl(entry: ListingEntry): CslItemData {
  // An arXiv paper is a preprint: @misc with eprint and archivePrefix in BibTeX, dated by its id.
  const csl: CslItemData = entry.arxivId ? { ...arxivCsl(entry.arxivId), title: entry.title } : { type: 'article', title: entry.title };
  if (entry.abstract) csl.abstract = entry.abstract;
  if (entry.authors?.length) csl.author = entry.authors.map((literal) => splitAuthor(literal));
  if (!entry.arxivId && entry.url) csl.URL = entry.url;
  return csl;
}

/** Text copied from a Hugging Face Papers or arXiv listing page: no file extension, recognised by its shape only. */
export const listingImporter: Importer = {
  format: 'listing',
  fileName: null,
  detect: ({ text }) => looksLikeListing(text),
  parse(text) {
    const parsed = parseListing(text);
    return { records: parsed.entries.map((e) => ({ csl: listingCsl(e), line: e.line })), issues: [] };
  },
};
