import {
  isElementField, jsonEqual, QUIET_FIELDS, type EntityKind, type JsonValue, type SyncOp,
} from './operations.ts';
import { KeyClaims } from './key-claims.ts';

/**
 * The merged state of every operation seen: one last-writer-wins register per field, and one per element of a
 * set-like field. Applying an operation is commutative, associative and idempotent, so any delivery order, with
 * any duplicates, gives the same registers.
 *
 * Rules (docs/sync.md):
 * - a field keeps the value of the greatest timestamp (wall, counter, device id: a total order);
 * - tags, collection membership, annotations and attachments merge per element, each element last-writer-wins
 *   (an add and a remove of different elements are both kept; of the same element, the later one wins);
 * - purging an item or deleting a collection is final: later operations on it are ignored;
 * - a value that lost to a concurrent write (its writer had not seen it) is a conflict, kept in the history.
 */

export interface Register {
  v: JsonValue;
  ts: string;
  prev?: string[];
  /** Position within its operation (create lists elements in order). */
  i: number;
}

export interface EntityRecord {
  /** Timestamp of the create operation, null while only edits of it have arrived. */
  created: string | null;
  fields: Map<string, Register>;
  elems: Map<string, Map<string, Register>>;
}

export interface Conflict {
  winner: string;
  loser: string;
  winnerValue: JsonValue;
  loserValue: JsonValue;
}

export interface ApplyOutcome {
  /** The materialised entity may have changed. */
  changed: boolean;
  conflict: Conflict | null;
}

const NOTHING: ApplyOutcome = { changed: false, conflict: null };

export function emptyRecord(): EntityRecord {
  return { created: null, fields: new Map(), elems: new Map() };
}

export class Replica {
  readonly #items = new Map<string, EntityRecord>();
  readonly #colls = new Map<string, EntityRecord>();
  readonly #settings: EntityRecord = emptyRecord();
  readonly #deleted = { item: new Map<string, string>(), coll: new Map<string, string>() };
  readonly #keys = new KeyClaims();
  /** Operations taken by `applyLater`, applied before anything reads the registers. */
  #later: SyncOp[] = [];

  get items(): Map<string, EntityRecord> {
    this.settle();
    return this.#items;
  }

  get colls(): Map<string, EntityRecord> {
    this.settle();
    return this.#colls;
  }

  get settings(): EntityRecord {
    this.settle();
    return this.#settings;
  }

  /** Purged items and deleted collections, with the timestamp of their deletion. */
  get deleted(): { item: Map<string, string>; coll: Map<string, string> } {
    this.settle();
    return this.#deleted;
  }

  /** The key each item asks for, grouped, so that settling keys need not look at every item. */
  get keys(): KeyClaims {
    this.settle();
    return this.#keys;
  }

  isDeleted(kind: EntityKind, id: string): boolean {
    return kind !== 'settings' && this.deleted[kind].has(id);
  }

  record(kind: EntityKind, id: string): EntityRecord | undefined {
    if (kind === 'settings') return this.settings;
    return (kind === 'item' ? this.items : this.colls).get(id);
  }

  /** The register an edit of this field would replace now (for an operation's `prev` and `old`). */
  register(kind: EntityKind, id: string, field: string, key?: string): Register | undefined {
    const rec = this.record(kind, id);
    if (!rec) return undefined;
    return key === undefined ? rec.fields.get(field) : rec.elems.get(field)?.get(key);
  }

  /**
   * Takes an operation whose outcome the caller does not need (this device's own, just stamped): it is applied
   * the first time anything reads the replica. Applying is commutative, so the state read is the same as if it
   * had been applied at once; a one-shot command that only adds (an import of 50k items) never pays for it.
   */
  applyLater(op: SyncOp): void {
    this.#later.push(op);
  }

  /** Applies what `applyLater` took. */
  private settle(): void {
    if (this.#later.length === 0) return;
    const later = this.#later;
    this.#later = [];
    for (const op of later) this.applyNow(op);
  }

  apply(op: SyncOp): ApplyOutcome {
    this.settle();
    return this.applyNow(op);
  }

  private applyNow(op: SyncOp): ApplyOutcome {
    if (op.e !== 'settings' && this.#deleted[op.e].has(op.id)) {
      // Keep the earliest deletion: the same tombstone whatever order deletions arrive in.
      if (op.k === 'delete') this.#deleted[op.e].set(op.id, minTs(this.#deleted[op.e].get(op.id), op.ts));
      return NOTHING;
    }
    if (op.k === 'delete') {
      if (op.e === 'settings') return NOTHING;
      this.#deleted[op.e].set(op.id, op.ts);
      (op.e === 'item' ? this.#items : this.#colls).delete(op.id);
      if (op.e === 'item') this.#keys.update(op.id, null);
      return { changed: true, conflict: null };
    }
    const rec = this.recordFor(op.e, op.id);
    if (op.k === 'create') {
      const outcome = applyCreate(rec, op);
      if (op.e === 'item') this.claimKey(op.id, rec);
      return outcome;
    }
    if (op.f === undefined) return NOTHING;
    if (op.k === 'elem') {
      if (op.key === undefined) return NOTHING;
      let elems = rec.elems.get(op.f);
      if (!elems) rec.elems.set(op.f, (elems = new Map()));
      return writeRegister(elems, op.key, { v: op.v ?? null, ts: op.ts, i: op.i ?? 0, ...(op.prev ? { prev: op.prev } : {}) }, op.f);
    }
    const outcome = writeRegister(rec.fields, op.f, { v: op.v ?? null, ts: op.ts, i: 0, ...(op.prev ? { prev: op.prev } : {}) }, op.f);
    if (op.e === 'item' && op.f === 'citationKey') this.claimKey(op.id, rec);
    return outcome;
  }

  private claimKey(id: string, rec: EntityRecord): void {
    const key = rec.fields.get('citationKey')?.v;
    this.#keys.update(id, rec.created !== null && typeof key === 'string' ? { id, key, created: rec.created } : null);
  }

  private recordFor(kind: EntityKind, id: string): EntityRecord {
    if (kind === 'settings') return this.#settings;
    const map = kind === 'item' ? this.#items : this.#colls;
    let rec = map.get(id);
    if (!rec) map.set(id, (rec = emptyRecord()));
    return rec;
  }
}

function minTs(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

function applyCreate(rec: EntityRecord, op: SyncOp): ApplyOutcome {
  const value = op.v;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NOTHING;
  let changed = rec.created === null || op.ts < rec.created;
  rec.created = minTs(rec.created ?? undefined, op.ts);
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === 'id') continue;
    if (field === 'csl' && fieldValue && typeof fieldValue === 'object' && !Array.isArray(fieldValue)) {
      for (const [name, v] of Object.entries(fieldValue)) {
        if (name === 'id') continue;
        changed = writeRegister(rec.fields, `csl.${name}`, { v, ts: op.ts, i: 0 }, null).changed || changed;
      }
      continue;
    }
    if (isElementField(field) && Array.isArray(fieldValue)) {
      let elems = rec.elems.get(field);
      if (!elems) rec.elems.set(field, (elems = new Map()));
      fieldValue.forEach((element, i) => {
        const key = elementKey(field, element);
        if (key === null) return;
        changed = writeRegister(elems, key, { v: elementValue(field, element), ts: op.ts, i }, null).changed || changed;
      });
      continue;
    }
    changed = writeRegister(rec.fields, field, { v: fieldValue, ts: op.ts, i: 0 }, null).changed || changed;
  }
  return { changed, conflict: null };
}

/** The element's key: the tag or collection id itself, or an annotation's or attachment's id. */
export function elementKey(field: string, element: JsonValue): string | null {
  if (typeof element === 'string') return element;
  if (element && typeof element === 'object' && !Array.isArray(element) && typeof element.id === 'string') return element.id;
  return null;
}

/** What the register of an element holds: true for tags and membership, the record for the others. */
export function elementValue(field: string, element: JsonValue): JsonValue {
  return field === 'tags' || field === 'collections' ? true : element;
}

/** Last writer wins; `conflictField` null: never a conflict (a create's initial values). */
function writeRegister(map: Map<string, Register>, key: string, next: Register, conflictField: string | null): ApplyOutcome {
  const cur = map.get(key);
  if (cur && cur.ts === next.ts) return NOTHING;
  const canConflict = conflictField !== null && !QUIET_FIELDS.has(conflictField) && cur !== undefined;
  if (!cur || next.ts > cur.ts) {
    map.set(key, next);
    const conflict = canConflict && !next.prev?.includes(cur.ts) && !jsonEqual(cur.v, next.v)
      ? { winner: next.ts, loser: cur.ts, winnerValue: next.v, loserValue: cur.v }
      : null;
    return { changed: !cur || !jsonEqual(cur.v, next.v), conflict };
  }
  const conflict = canConflict && !cur.prev?.includes(next.ts) && !jsonEqual(cur.v, next.v)
    ? { winner: cur.ts, loser: next.ts, winnerValue: cur.v, loserValue: next.v }
    : null;
  return { changed: false, conflict };
}
