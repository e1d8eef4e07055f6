import { findIdentifiers } from '../identifiers/index.ts';
import type { FoundIdentifier } from '../identifiers/index.ts';
import type { ListingEntry } from './listing-types.ts';

const PAPER_KINDS = new Set(['hf-paper', 'arxiv', 'doi']);

function firstOf(found: FoundIdentifier[], test: (f: FoundIdentifier) => boolean): FoundIdentifier | undefined {
  return found.find(test);
}

/**
 * Sets `arxivId` and `url` from identifiers written in the entry: metadata lines first, then the
 * abstract. A paper page (arXiv, Hugging Face, DOI) is preferred to other links as the entry's URL.
 */
export function attachIdentifiers(entry: ListingEntry, meta: string[], abstract: string): void {
  const found = [...meta.flatMap((m) => findIdentifiers(m)), ...findIdentifiers(abstract)];
  if (!entry.arxivId) {
    const arxiv = firstOf(found, (f) => f.kind === 'arxiv');
    if (arxiv) entry.arxivId = arxiv.value;
  }
  if (!entry.url) {
    const page = firstOf(found, (f) => PAPER_KINDS.has(f.kind) && /^https?:\/\//i.test(f.raw));
    const link = page ?? firstOf(found, (f) => f.kind === 'url');
    if (link) entry.url = link.kind === 'url' ? link.value : link.raw;
  }
}
