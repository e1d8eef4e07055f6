/**
 * Operations: what a device publishes. One operation changes one field (or one element of a set-like field) of
 * one entity, so applying it twice, or in any order among the others, gives the same result (see replica.ts).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type EntityKind = 'item' | 'coll' | 'settings';

/**
 * create: the whole entity at once (value: every field); set: one field; elem: one element of a set-like field
 * (value null removes it); delete: purge (items) or delete (collections), final.
 */
export type OpKind = 'create' | 'set' | 'elem' | 'delete';

/** undo / redo of a change of this device, a revert from the history, or the choice of a conflict's value. */
export type OpVia = 'undo' | 'redo' | 'revert' | 'resolve';

export interface SyncOp {
  /** Hybrid logical clock timestamp; unique, and it names the device (hlcDevice). */
  ts: string;
  /** The change this operation belongs to: the ts of its first operation. Undo works on whole changes. */
  chg: string;
  e: EntityKind;
  /** Item or collection id; 'library' for settings. */
  id: string;
  k: OpKind;
  /** Field: 'read', 'csl.title', 'tags', 'name', 'keyPattern' ... (set and elem). */
  f?: string;
  /** The element of an elem operation: a tag, a collection id, an annotation or attachment id. */
  key?: string;
  /** New value (create: an object of every field; elem: the element's value, or null when removed). */
  v?: JsonValue;
  /** The value it replaced on the writing device, for history and undo. */
  old?: JsonValue;
  /** Timestamps of the values it knowingly replaced: a value replaced by no one is a conflict's loser. */
  prev?: string[];
  via?: OpVia;
  /** The change undone or redone, or the entry reverted or resolved. */
  of?: string;
  /** elem in a snapshot: the element's place within the change that added it. */
  i?: number;
}

/** Set-like item fields: merged per element (docs/sync.md). */
export const ELEMENT_FIELDS = ['tags', 'collections', 'annotations', 'attachments'] as const;
export type ElementField = (typeof ELEMENT_FIELDS)[number];

export function isElementField(field: string): field is ElementField {
  return (ELEMENT_FIELDS as readonly string[]).includes(field);
}

/** Item fields kept per field, besides csl.* and the element fields. */
export const ITEM_SCALAR_FIELDS = [
  'citationKey', 'keyPinned', 'read', 'rating', 'flagged', 'addedAt', 'modifiedAt', 'trashedAt', 'note',
  'source', 'editedFields', 'metadataPending', 'importBatchId',
] as const;

/** Optional item fields: a null register means the field is absent. */
export const OPTIONAL_ITEM_FIELDS: ReadonlySet<string> = new Set(['source', 'editedFields', 'metadataPending', 'importBatchId']);

/** Bookkeeping fields: their concurrent writes are not conflicts worth showing, nor are they history. */
export const QUIET_FIELDS: ReadonlySet<string> = new Set(['modifiedAt', 'editedFields']);

/** Settings that follow the library to every device; the rest (auto-export targets) stay on the device. */
export const SHARED_SETTINGS = ['keyPattern', 'citeCommand', 'savedSearches', 'notDuplicates'] as const;

/**
 * The auto-export targets the user marked shared: a set-like settings field, one element per target id (the
 * target as its value). Targets not marked shared never leave the device.
 */
export const SHARED_TARGETS = 'autoExports';

/** File endings a shared auto-export target may have: another device can make this device write only these. */
export const SHARED_TARGET_EXTENSIONS = ['.bib', '.bibtex', '.json', '.ris', '.txt'] as const;

export const COLLECTION_FIELDS = ['name', 'parentId', 'createdAt'] as const;

/** The register an operation writes: entity, field and element, as one key. */
export function registerKey(op: Pick<SyncOp, 'e' | 'id' | 'f' | 'key'>): string {
  return `${op.e}\u0000${op.id}\u0000${op.f ?? ''}\u0000${op.key ?? ''}`;
}

/** Canonical JSON (sorted keys): equality of values and stable output. */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/** Whether two values have the same canonical JSON (compared in place, without building the texts). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // Numbers JSON writes alike (NaN and null) are the only unequal scalars canonicalJson does not tell apart.
    return typeof a === 'number' || typeof b === 'number' ? canonicalJson(a) === canonicalJson(b) : false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
  }
  return true;
}
