import { cslYear, nameFamily } from './csl.ts';
import type { Item, ItemRow } from './item.ts';

export function authorsLabel(item: Item): string {
  const names = item.csl.author ?? item.csl.editor ?? [];
  const families = names.slice(0, 3).map(nameFamily).filter((n) => n.length > 0);
  if (families.length === 0) return '';
  return names.length > 3 ? `${families.join(', ')} et al.` : families.join(', ');
}

export function venueLabel(item: Item): string {
  const c = item.csl;
  const venue = c['container-title'] ?? c['collection-title'] ?? c.publisher ?? c['event-title'];
  return typeof venue === 'string' ? venue : '';
}

export function toItemRow(item: Item): ItemRow {
  const row: ItemRow = {
    id: item.id,
    key: item.citationKey,
    type: item.csl.type,
    title: item.csl.title ?? '',
    authors: authorsLabel(item),
    year: cslYear(item.csl),
    venue: venueLabel(item),
    addedAt: item.addedAt,
    modifiedAt: item.modifiedAt,
    tags: item.tags,
    collections: item.collections,
    read: item.read,
    flagged: item.flagged,
    trashed: item.trashedAt !== null,
    hasNote: item.note !== null && item.note.markdown.trim().length > 0,
    hasPdf: item.attachments.some((a) => a.mediaType === 'application/pdf'),
    annotationCount: item.annotations.length,
  };
  if (item.metadataPending) row.metadataPending = true;
  return row;
}
