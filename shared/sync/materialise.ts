import type { Collection } from '../model/collection.ts';
import type { CollectionId, ItemId } from '../model/ids.ts';
import type { Item } from '../model/item.ts';
import { DEFAULT_SETTINGS, type AutoExportTarget, type LibrarySettings } from '../model/library-doc.ts';
import { sortAnnotations } from '../annotations/annotation-order.ts';
import { ITEM_SCALAR_FIELDS, OPTIONAL_ITEM_FIELDS, SHARED_SETTINGS, SHARED_TARGETS, type JsonValue } from './operations.ts';
import type { EntityRecord, Register, Replica } from './replica.ts';
import { resolveKeyCollisions, type KeyClaim } from './key-collisions.ts';

/** Turns registers back into the library's records: the same registers give the same records on every device. */

const ITEM_DEFAULTS: Record<string, JsonValue> = {
  citationKey: '', keyPinned: false, read: 'unread', rating: 0, flagged: false, addedAt: '', modifiedAt: '', trashedAt: null, note: null,
};

function liveElements(rec: EntityRecord, field: string): Array<[string, Register]> {
  const elems = rec.elems.get(field);
  if (!elems) return [];
  const live = [...elems.entries()].filter(([, reg]) => reg.v !== null && reg.v !== false);
  // Order: when the element was added, then its place within that change; the key breaks ties.
  live.sort(([ka, a], [kb, b]) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.i - b.i || (ka < kb ? -1 : ka > kb ? 1 : 0)));
  return live;
}

/** The item as its registers say, before key collisions are settled; null until its create has arrived. */
export function materialiseItem(id: string, rec: EntityRecord, liveCollections?: (id: string) => boolean): Item | null {
  if (rec.created === null) return null;
  const scalars: Record<string, unknown> = {};
  const cslVars: Record<string, unknown> = {};
  for (const [field, reg] of rec.fields) {
    if (field.startsWith('csl.')) {
      if (reg.v !== null) cslVars[field.slice(4)] = reg.v;
    } else if ((ITEM_SCALAR_FIELDS as readonly string[]).includes(field)) {
      if (reg.v === null && OPTIONAL_ITEM_FIELDS.has(field)) continue;
      scalars[field] = reg.v;
    }
  }
  // A fixed key order (the model's, CSL variables sorted): the same registers give byte-identical records.
  const csl: Record<string, unknown> = { type: typeof cslVars.type === 'string' ? cslVars.type : 'document' };
  for (const name of Object.keys(cslVars).sort()) if (name !== 'type') csl[name] = cslVars[name];
  const out: Record<string, unknown> = { id };
  for (const field of ITEM_SCALAR_FIELDS) {
    if (field in scalars) out[field] = scalars[field];
    else if (field in ITEM_DEFAULTS) out[field] = ITEM_DEFAULTS[field];
  }
  out.csl = csl;
  out.tags = liveElements(rec, 'tags').map(([key]) => key);
  out.collections = liveElements(rec, 'collections').map(([key]) => key).filter((c) => !liveCollections || liveCollections(c));
  out.attachments = liveElements(rec, 'attachments').map(([, reg]) => reg.v);
  const annotations = liveElements(rec, 'annotations').map(([, reg]) => reg.v) as unknown as Item['annotations'];
  out.annotations = sortAnnotations(annotations);
  return out as unknown as Item;
}

export function materialiseCollections(replica: Replica): Collection[] {
  const raw = new Map<string, Collection>();
  for (const [id, rec] of replica.colls) {
    if (rec.created === null) continue;
    const name = rec.fields.get('name')?.v;
    const parent = rec.fields.get('parentId')?.v;
    const createdAt = rec.fields.get('createdAt')?.v;
    raw.set(id, {
      id: id as CollectionId,
      name: typeof name === 'string' ? name : '',
      parentId: typeof parent === 'string' ? (parent as CollectionId) : null,
      createdAt: typeof createdAt === 'string' ? createdAt : '',
    });
  }
  // A parent that is gone, or concurrent moves that made a cycle: the collection moves to the top level. Decided
  // from the registers alone (never from an earlier decision), so the order of the map does not matter.
  const onCycle = (coll: Collection): boolean => {
    const seen = new Set<string>();
    for (let parent = coll.parentId; parent !== null; parent = raw.get(parent)?.parentId ?? null) {
      if (parent === coll.id) return true;
      if (seen.has(parent)) return false;
      seen.add(parent);
    }
    return false;
  };
  const detached = [...raw.values()].filter((c) => c.parentId !== null && (!raw.has(c.parentId) || onCycle(c)));
  for (const coll of detached) coll.parentId = null;
  return [...raw.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function materialiseSettings(replica: Replica, local: LibrarySettings): LibrarySettings {
  const out: LibrarySettings = { ...DEFAULT_SETTINGS, ...local };
  for (const field of SHARED_SETTINGS) {
    const reg = replica.settings.fields.get(field);
    if (reg && reg.v !== null) (out as unknown as Record<string, unknown>)[field] = reg.v;
  }
  // This device's own targets as they are, then the shared ones as the merge says.
  const shared = liveElements(replica.settings, SHARED_TARGETS).map(([, reg]) => reg.v as unknown as AutoExportTarget);
  out.autoExports = [...(local.autoExports ?? []).filter((t) => t.shared !== true), ...shared];
  return out;
}

export interface MaterialisedLibrary {
  items: Map<ItemId, Item>;
  collections: Collection[];
  settings: LibrarySettings;
}

/** Every item and collection, keys settled: what the library holds once every operation has been seen. */
export function materialiseLibrary(replica: Replica, localSettings: LibrarySettings = DEFAULT_SETTINGS): MaterialisedLibrary {
  const collections = materialiseCollections(replica);
  const live = new Set(collections.map((c) => c.id as string));
  const items = new Map<ItemId, Item>();
  const claims: KeyClaim[] = [];
  for (const [id, rec] of replica.items) {
    const item = materialiseItem(id, rec, (c) => live.has(c));
    if (!item || rec.created === null) continue;
    items.set(item.id, item);
    claims.push({ id, key: item.citationKey, created: rec.created });
  }
  for (const rename of resolveKeyCollisions(claims)) {
    const item = items.get(rename.id as ItemId);
    if (item) items.set(item.id, { ...item, citationKey: rename.to });
  }
  return { items, collections, settings: materialiseSettings(replica, localSettings) };
}
