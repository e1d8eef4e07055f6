import type { CslItemData } from '../model/csl.ts';
import type { Item } from '../model/item.ts';

export type FieldChoice = 'keep' | 'other';

/** Put between the two notes of merged items. */
export const NOTE_SEPARATOR = '\n\n---\n\n';

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** CSL variables either item has, in a stable order (kept item's first). */
export function mergeableFields(keep: CslItemData, other: CslItemData): string[] {
  return union(Object.keys(keep), Object.keys(other)).filter((f) => f !== 'id' && f !== 'citation-key');
}

function mergeCsl(keep: CslItemData, other: CslItemData, fields: Readonly<Record<string, FieldChoice>>): { csl: CslItemData; fromOther: string[] } {
  const csl: CslItemData = { ...keep };
  const fromOther: string[] = [];
  for (const field of mergeableFields(keep, other)) {
    const choice = fields[field] ?? (hasValue(keep[field]) ? 'keep' : 'other');
    if (choice === 'keep') continue;
    const value = other[field];
    if (hasValue(value)) csl[field] = value;
    else delete csl[field];
    if (value !== keep[field]) fromOther.push(field);
  }
  if (typeof csl.type !== 'string' || csl.type === '') csl.type = keep.type;
  return { csl, fromOther };
}

function mergeNotes(keep: Item, other: Item, now: string): Item['note'] {
  const a = keep.note?.markdown.trim() ?? '';
  const b = other.note?.markdown.trim() ?? '';
  if (b === '' || a === b) return keep.note;
  if (a === '') return other.note;
  return { markdown: `${keep.note?.markdown ?? ''}${NOTE_SEPARATOR}${other.note?.markdown ?? ''}`, modifiedAt: now };
}

/**
 * Merges `other` into `keep`: CSL variables as chosen (unnamed ones keep the kept value and fill
 * gaps from the other), notes concatenated, tags, collections, attachments and annotations
 * united. The kept item's id and citation key never change; the other goes to the trash.
 */
export function mergeItems(keep: Item, other: Item, fields: Readonly<Record<string, FieldChoice>>, now: string): { kept: Item; trashed: Item } {
  const { csl, fromOther } = mergeCsl(keep.csl, other.csl, fields);
  const shas = new Set(keep.attachments.map((a) => a.sha256));
  const annotationIds = new Set(keep.annotations.map((a) => a.id));
  const kept: Item = {
    ...keep,
    csl,
    tags: union(keep.tags, other.tags),
    collections: union(keep.collections, other.collections),
    rating: Math.max(keep.rating, other.rating),
    flagged: keep.flagged || other.flagged,
    read: keep.read === 'read' || other.read === 'read' ? 'read' : keep.read === 'reading' || other.read === 'reading' ? 'reading' : 'unread',
    attachments: [...keep.attachments, ...other.attachments.filter((a) => !shas.has(a.sha256))],
    annotations: [...keep.annotations, ...other.annotations.filter((a) => !annotationIds.has(a.id))],
    note: mergeNotes(keep, other, now),
    modifiedAt: now,
  };
  // BibTeX export writes edited variables from CSL; values taken from the other item count as edits.
  if (keep.source && fromOther.length > 0) kept.editedFields = union(keep.editedFields ?? [], fromOther);
  if (keep.metadataPending && !other.metadataPending) delete kept.metadataPending;
  return { kept, trashed: { ...other, trashedAt: now, modifiedAt: now } };
}

function filledFields(item: Item): number {
  return Object.values(item.csl).filter(hasValue).length + (item.note ? 1 : 0) + item.attachments.length;
}

/** Which of two duplicates to keep by default: the fuller one, the older one on a tie. */
export function defaultKeep(a: Item, b: Item): { keep: Item; other: Item } {
  const fa = filledFields(a);
  const fb = filledFields(b);
  if (fa !== fb) return fa > fb ? { keep: a, other: b } : { keep: b, other: a };
  return a.addedAt <= b.addedAt ? { keep: a, other: b } : { keep: b, other: a };
}
