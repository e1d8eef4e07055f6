import type { PaperFields, SourceFields } from './page-types.ts';

/**
 * Precedence when a page carries several sources (docs/connector.md): Highwire `citation_*` first (written for
 * Google Scholar, the most complete and the most often right), then JSON-LD, then Dublin Core, then COinS, then
 * what a Hugging Face paper page's address and title say. Each field is taken from the first source that has it;
 * the author list is taken whole from one source, never spliced from two.
 */
export const SOURCE_PRECEDENCE = ['citation_*', 'JSON-LD', 'DC.*', 'COinS', 'Hugging Face'] as const;

const FIELDS = [
  'title', 'authors', 'issued', 'onlineDate', 'containerTitle', 'type', 'volume', 'issue', 'page', 'publisher', 'doi',
  'arxivId', 'pdfUrl', 'url', 'abstract', 'keywords', 'language', 'isbn', 'issn', 'number',
] as const satisfies ReadonlyArray<keyof PaperFields>;

export function mergePaperFields(sources: readonly SourceFields[]): PaperFields {
  const ordered = [...sources].sort((a, b) => SOURCE_PRECEDENCE.indexOf(a.source) - SOURCE_PRECEDENCE.indexOf(b.source));
  const merged: PaperFields = {};
  for (const field of FIELDS) {
    for (const { paper } of ordered) {
      const value = paper[field];
      if (value === undefined) continue;
      (merged as Record<string, unknown>)[field] = value;
      break;
    }
  }
  return merged;
}

/** `citation_* (12 fields), JSON-LD`: tag sources with their count of distinct fields, in precedence order. */
export function describeSources(sources: readonly SourceFields[]): string {
  if (sources.length === 0) return 'no citation metadata';
  return [...sources]
    .sort((a, b) => SOURCE_PRECEDENCE.indexOf(a.source) - SOURCE_PRECEDENCE.indexOf(b.source))
    .map((s) => (s.source === 'citation_*' || s.source === 'DC.*' ? `${s.source} (${s.fields} field${s.fields === 1 ? '' : 's'})` : s.source))
    .join(', ');
}
