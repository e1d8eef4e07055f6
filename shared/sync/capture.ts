import type { Collection } from '../model/collection.ts';
import type { Item } from '../model/item.ts';
import type { LibrarySettings } from '../model/library-doc.ts';
import type { HybridClock } from './hlc.ts';
import { ELEMENT_FIELDS, ITEM_SCALAR_FIELDS, jsonEqual, SHARED_SETTINGS, SHARED_TARGETS, type JsonValue, type OpVia, type SyncOp } from './operations.ts';
import { elementKey, elementValue, type Replica } from './replica.ts';

/** From a before/after pair of records to the operations that say what changed, one per field or element. */

export type OpDraft = Omit<SyncOp, 'ts' | 'chg'>;

const json = (value: unknown): JsonValue => (value === undefined ? null : (value as JsonValue));

/** The value is the item itself, id included (the replica skips it): the log writes it as the item's library.json line. */
export function itemCreateDraft(item: Item): OpDraft {
  return { e: 'item', id: item.id, k: 'create', v: json(item) };
}

export function itemDrafts(before: Item | undefined, after: Item): OpDraft[] {
  if (!before) return [itemCreateDraft(after)];
  const out: OpDraft[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const field of ITEM_SCALAR_FIELDS) {
    if (!jsonEqual(json(b[field]), json(a[field]))) out.push({ e: 'item', id: after.id, k: 'set', f: field, v: json(a[field]), old: json(b[field]) });
  }
  const bc = before.csl as unknown as Record<string, unknown>;
  const ac = after.csl as unknown as Record<string, unknown>;
  for (const name of new Set([...Object.keys(bc), ...Object.keys(ac)])) {
    if (name === 'id') continue;
    if (!jsonEqual(json(bc[name]), json(ac[name]))) out.push({ e: 'item', id: after.id, k: 'set', f: `csl.${name}`, v: json(ac[name]), old: json(bc[name]) });
  }
  for (const field of ELEMENT_FIELDS) out.push(...elementDrafts(after.id, field, json(b[field]), json(a[field])));
  return out;
}

function elementMap(field: string, list: JsonValue): Map<string, JsonValue> {
  const map = new Map<string, JsonValue>();
  if (!Array.isArray(list)) return map;
  for (const element of list) {
    const key = elementKey(field, element);
    if (key !== null) map.set(key, elementValue(field, element));
  }
  return map;
}

function elementDrafts(id: string, field: string, before: JsonValue, after: JsonValue, e: 'item' | 'settings' = 'item'): OpDraft[] {
  const b = elementMap(field, before);
  const a = elementMap(field, after);
  const out: OpDraft[] = [];
  for (const [key, value] of a) {
    const old = b.get(key);
    if (old === undefined || !jsonEqual(old, value)) out.push({ e, id, k: 'elem', f: field, key, v: value, old: old ?? null });
  }
  for (const [key, old] of b) if (!a.has(key)) out.push({ e, id, k: 'elem', f: field, key, v: null, old });
  return out;
}

/** The targets marked shared: the only auto-export targets that sync. */
function sharedTargets(settings: LibrarySettings): JsonValue {
  return json((settings.autoExports ?? []).filter((t) => t.shared === true));
}

export function collectionDrafts(before: Collection | undefined, after: Collection): OpDraft[] {
  if (!before) {
    const { id, ...rest } = after;
    return [{ e: 'coll', id, k: 'create', v: json(rest) }];
  }
  const out: OpDraft[] = [];
  for (const field of ['name', 'parentId'] as const) {
    if (before[field] !== after[field]) out.push({ e: 'coll', id: after.id, k: 'set', f: field, v: after[field], old: before[field] });
  }
  return out;
}

export function settingsDrafts(before: LibrarySettings, after: LibrarySettings): OpDraft[] {
  const out: OpDraft[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const field of SHARED_SETTINGS) {
    if (!jsonEqual(json(b[field]), json(a[field]))) out.push({ e: 'settings', id: 'library', k: 'set', f: field, v: json(a[field]), old: json(b[field]) });
  }
  out.push(...elementDrafts('library', SHARED_TARGETS, sharedTargets(before), sharedTargets(after), 'settings'));
  return out;
}

/**
 * Timestamps the drafts of one change and applies them to the replica. Each operation names the register value
 * it replaces (`prev`), which is how a later reader tells a deliberate overwrite from a concurrent one.
 */
export function stampChange(drafts: readonly OpDraft[], clock: HybridClock, replica: Replica, via?: { via: OpVia; of: string; prev?: Map<string, string[]> }): SyncOp[] {
  const ops: SyncOp[] = [];
  let chg: string | null = null;
  for (const draft of drafts) {
    const ts = clock.tick();
    chg ??= ts;
    const op: SyncOp = { ts, chg, ...draft };
    if (draft.k === 'set' || draft.k === 'elem') {
      const reg = replica.register(draft.e, draft.id, draft.f ?? '', draft.k === 'elem' ? draft.key : undefined);
      const extra = via?.prev?.get(`${draft.id}\u0000${draft.f ?? ''}\u0000${draft.key ?? ''}`) ?? [];
      const prev = [...new Set([...(reg ? [reg.ts] : []), ...extra])];
      if (prev.length > 0) op.prev = prev;
    }
    if (via) {
      op.via = via.via;
      op.of = via.of;
    }
    // Read back at once if the next draft edits what this one wrote (`register` applies it first).
    replica.applyLater(op);
    ops.push(op);
  }
  return ops;
}
