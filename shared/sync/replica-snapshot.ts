import type { EntityKind, SyncOp } from './operations.ts';
import { Replica, type EntityRecord } from './replica.ts';

/**
 * A replica as operations that rebuild exactly its registers: one create per entity, one set or elem per
 * register, one delete per tombstone. Snapshots (the local one, and the ones in the sync folder for a new device)
 * are written in this form, so they are read, checked and applied like any log.
 */

function* recordOps(kind: EntityKind, id: string, rec: EntityRecord): Generator<SyncOp> {
  if (rec.created !== null) yield { ts: rec.created, chg: rec.created, e: kind, id, k: 'create', v: {} };
  for (const [f, reg] of rec.fields) {
    yield { ts: reg.ts, chg: reg.ts, e: kind, id, k: 'set', f, v: reg.v, ...(reg.prev ? { prev: reg.prev } : {}) };
  }
  for (const [f, elems] of rec.elems) {
    for (const [key, reg] of elems) {
      yield { ts: reg.ts, chg: reg.ts, e: kind, id, k: 'elem', f, key, v: reg.v, ...(reg.i ? { i: reg.i } : {}), ...(reg.prev ? { prev: reg.prev } : {}) };
    }
  }
}

export function* replicaOps(replica: Replica): Generator<SyncOp> {
  for (const [id, rec] of replica.items) yield* recordOps('item', id, rec);
  for (const [id, rec] of replica.colls) yield* recordOps('coll', id, rec);
  yield* recordOps('settings', 'library', replica.settings);
  for (const [id, ts] of replica.deleted.item) yield { ts, chg: ts, e: 'item', id, k: 'delete' };
  for (const [id, ts] of replica.deleted.coll) yield { ts, chg: ts, e: 'coll', id, k: 'delete' };
}

export function replicaFromOps(ops: Iterable<SyncOp>): Replica {
  const replica = new Replica();
  for (const op of ops) replica.apply(op);
  return replica;
}
