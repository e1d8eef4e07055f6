import { cslYear, nameFamily } from '../../model/csl.ts';
import type { CollectionId, ItemId } from '../../model/ids.ts';
import type { Item, ReadStatus } from '../../model/item.ts';
import { parseArxivId } from '../../formats/identifiers/arxiv-id.ts';

/** Text fields of a document, in the order of their weight in ranking. */
export const DOC_TEXT_FIELDS = ['title', 'author', 'meta', 'venue', 'abstract', 'note', 'annotation', 'fulltext'] as const;
export type DocTextField = (typeof DOC_TEXT_FIELDS)[number];

/** Field weights for ranking: title > authors > abstract/note > full text. */
export const FIELD_WEIGHTS: Record<DocTextField, number> = {
  title: 5, author: 4, meta: 3, venue: 2, abstract: 1.5, note: 1.5, annotation: 1.5, fulltext: 1,
};

/** What the search index knows of one item: plain data, built from the item (and its cached PDF text). */
export interface SearchDoc {
  id: ItemId;
  key: string;
  title: string;
  /** Every creator, "Given Family", in order. */
  authors: string[];
  venue: string;
  abstract: string;
  note: string;
  /** One entry per annotation: its quote, comment and tags. */
  annotations: string[];
  /** Text of each page of the attached PDFs, from the full-text cache. */
  pages: string[];
  tags: string[];
  collections: CollectionId[];
  doi: string;
  arxiv: string;
  /** CSL type and, for BibTeX imports, the entry type as written (`paper-conference`, `inproceedings`). */
  types: string[];
  year: number | null;
  rating: number;
  read: ReadStatus;
  flagged: boolean;
  pending: boolean;
  trashed: boolean;
  hasPdf: boolean;
  addedAt: number;
  modifiedAt: number;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function arxivOf(item: Item): string {
  const c = item.csl as Record<string, unknown>;
  for (const candidate of [c['number'], c['URL'], c['archive_location'], c['note']]) {
    const id = typeof candidate === 'string' ? parseArxivId(candidate) : null;
    if (id) return id.id.toLowerCase();
  }
  const doi = text(c['DOI']).toLowerCase();
  const m = /^10\.48550\/arxiv\.(.+)$/.exec(doi);
  return m ? (m[1] as string) : '';
}

export function searchDocOf(item: Item, pages: string[] = []): SearchDoc {
  const c = item.csl;
  const names = [...(c.author ?? []), ...(c.editor ?? [])];
  return {
    id: item.id,
    key: item.citationKey,
    title: c.title ?? '',
    authors: names.map((n) => n.literal ?? [n.given, nameFamily(n)].filter(Boolean).join(' ')),
    venue: text(c['container-title'] ?? c['collection-title'] ?? c['event-title'] ?? c.publisher),
    abstract: text(c.abstract),
    note: item.note?.markdown ?? '',
    annotations: item.annotations.map((a) => [a.text, a.comment, ...a.tags].filter((s) => s.length > 0).join(' ')),
    pages,
    tags: item.tags,
    collections: item.collections,
    doi: text(c.DOI).toLowerCase(),
    arxiv: arxivOf(item),
    types: [c.type, ...(item.source ? [item.source.entryType.toLowerCase()] : [])],
    year: cslYear(c),
    rating: item.rating,
    read: item.read,
    flagged: item.flagged,
    pending: item.metadataPending === true,
    trashed: item.trashedAt !== null,
    hasPdf: item.attachments.some((a) => a.mediaType === 'application/pdf'),
    addedAt: Date.parse(item.addedAt),
    modifiedAt: Date.parse(item.modifiedAt),
  };
}

/** The text of each field, as the index reads it. */
export function fieldText(doc: SearchDoc, field: DocTextField): string {
  switch (field) {
    case 'title': return doc.title;
    case 'author': return doc.authors.join(' ; ');
    case 'meta': return `${doc.key} ${doc.tags.join(' ')} ${doc.year ?? ''}`;
    case 'venue': return doc.venue;
    case 'abstract': return doc.abstract;
    case 'note': return doc.note;
    case 'annotation': return doc.annotations.join(' \u2029 ');
    case 'fulltext': return doc.pages.join(' \u2029 ');
  }
}
