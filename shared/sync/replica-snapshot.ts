import type { EntityKind, JsonValue, SyncOp } from './operations.ts';
import { MAX_OP_LINE, operationProblem, parseJsonStrict } from './op-validate.ts';
import type { LineProblem } from './op-lines.ts';
import { Replica, type EntityRecord, type Register } from './replica.ts';

/**
 * A replica as the operations that rebuild exactly its registers: one create per entity, one set or elem per
 * register, one delete per tombstone. Snapshots (the local one, and the ones in the sync folder for a new device)
 * hold these operations, so they are checked and applied like any log.
 *
 * Format 2 (what is written): one line per entity, its timestamps listed once, each register as
 * [value, timestamp index, element position?, prev indexes?]:
 *   {"e":"item","id":"it_1","t":["<hlc>",...],"c":0,"f":{"csl.title":["A title",0]},"l":{"tags":[["ml",true,0]]}}
 *   {"e":"item","id":"it_2","del":"<hlc>"}
 * Format 1 (one operation per line, each with its whole timestamp) is still read.
 */

export interface SnapshotEntity {
  e: EntityKind;
  id: string;
  /** The timestamps the registers refer to by index. */
  t?: string[];
  /** Index of the create timestamp. */
  c?: number;
  f?: Record<string, EncodedRegister>;
  /** Per set-like field, its elements as [key, ...register] (keys are data, never object keys). */
  l?: Record<string, Array<[string, ...EncodedRegister]>>;
  /** A tombstone: the timestamp of the purge or delete. */
  del?: string;
}

/** [value, ts index] with an element position and the prev timestamps' indexes when there are any. */
type EncodedRegister = [JsonValue, number] | [JsonValue, number, number] | [JsonValue, number, number, number[]];

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

function encodeRecord(kind: EntityKind, id: string, rec: EntityRecord): SnapshotEntity {
  const table = new Map<string, number>();
  const ref = (ts: string): number => {
    let n = table.get(ts);
    if (n === undefined) table.set(ts, (n = table.size));
    return n;
  };
  const encode = (reg: Register): EncodedRegister => {
    const at = ref(reg.ts);
    if (reg.prev && reg.prev.length > 0) return [reg.v, at, reg.i, reg.prev.map(ref)];
    return reg.i ? [reg.v, at, reg.i] : [reg.v, at];
  };
  const c = rec.created !== null ? ref(rec.created) : undefined;
  const f = rec.fields.size > 0 ? Object.fromEntries([...rec.fields].map(([name, reg]) => [name, encode(reg)])) : undefined;
  const l = rec.elems.size > 0 ? Object.fromEntries([...rec.elems].map(([name, elems]) => [name, [...elems].map(([key, reg]): [string, ...EncodedRegister] => [key, ...encode(reg)])])) : undefined;
  // The table goes first, so a reader meets it before the indexes (JSON keeps this key order).
  const out: SnapshotEntity = { e: kind, id, t: [...table.keys()] };
  if (c !== undefined) out.c = c;
  if (f) out.f = f;
  if (l) out.l = l;
  return out;
}

/** The replica in format 2, one line (with its newline) per entity and tombstone. */
export function* replicaLines(replica: Replica): Generator<string> {
  for (const [id, rec] of replica.items) yield `${JSON.stringify(encodeRecord('item', id, rec))}\n`;
  for (const [id, rec] of replica.colls) yield `${JSON.stringify(encodeRecord('coll', id, rec))}\n`;
  yield `${JSON.stringify(encodeRecord('settings', 'library', replica.settings))}\n`;
  for (const [id, ts] of replica.deleted.item) yield `${JSON.stringify({ e: 'item', id, del: ts })}\n`;
  for (const [id, ts] of replica.deleted.coll) yield `${JSON.stringify({ e: 'coll', id, del: ts })}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The operations one snapshot line stands for (either format), or why it is rejected. */
export function snapshotLineOps(record: unknown): SyncOp[] | string {
  if (!isObject(record)) return 'not a snapshot record';
  if ('k' in record) return [record as unknown as SyncOp];
  const { e, id } = record;
  if (e !== 'item' && e !== 'coll' && e !== 'settings') return 'an unknown entity kind';
  if (typeof id !== 'string') return 'no id';
  if (typeof record.del === 'string') return [{ ts: record.del, chg: record.del, e, id, k: 'delete' }];
  const table = record.t;
  if (!Array.isArray(table) || !table.every((t) => typeof t === 'string')) return 'no timestamp table';
  const ts = (n: unknown): string | null => (typeof n === 'number' && Number.isInteger(n) ? (table[n] as string | undefined) ?? null : null);
  const ops: SyncOp[] = [];
  if (record.c !== undefined) {
    const created = ts(record.c);
    if (created === null) return 'a create timestamp outside the table';
    ops.push({ ts: created, chg: created, e, id, k: 'create', v: {} });
  }
  const decode = (reg: unknown, make: (at: string, v: JsonValue, i: number, prev: string[] | undefined) => SyncOp): string | null => {
    if (!Array.isArray(reg) || reg.length < 2 || reg.length > 4) return 'a malformed register';
    const at = ts(reg[1]);
    if (at === null) return 'a register timestamp outside the table';
    const prevRefs: unknown = reg[3];
    let prev: string[] | undefined;
    if (prevRefs !== undefined) {
      if (!Array.isArray(prevRefs) || prevRefs.length > 64) return 'a malformed prev list';
      prev = [];
      for (const p of prevRefs) {
        const t = ts(p);
        if (t === null) return 'a prev timestamp outside the table';
        prev.push(t);
      }
    }
    ops.push(make(at, reg[0] as JsonValue, typeof reg[2] === 'number' ? reg[2] : 0, prev));
    return null;
  };
  if (record.f !== undefined) {
    if (!isObject(record.f)) return 'malformed fields';
    for (const [f, reg] of Object.entries(record.f)) {
      const problem = decode(reg, (at, v, _i, prev) => ({ ts: at, chg: at, e, id, k: 'set', f, v, ...(prev ? { prev } : {}) }));
      if (problem) return problem;
    }
  }
  if (record.l !== undefined) {
    if (!isObject(record.l)) return 'malformed elements';
    for (const [f, elems] of Object.entries(record.l)) {
      if (!Array.isArray(elems)) return 'malformed elements';
      for (const element of elems) {
        if (!Array.isArray(element) || typeof element[0] !== 'string') return 'a malformed element';
        const [key, ...reg] = element as [string, ...unknown[]];
        const problem = decode(reg, (at, v, i, prev) => ({ ts: at, chg: at, e, id, k: 'elem', f, key, v, ...(i ? { i } : {}), ...(prev ? { prev } : {}) }));
        if (problem) return problem;
      }
    }
  }
  return ops;
}

/**
 * Reads complete snapshot lines of `text`, checking every operation as a log's (any device may appear in a
 * snapshot); `apply` receives each good one. A bad line is reported and skipped.
 */
export function readSnapshotLines(text: string, firstLine: number, apply: (op: SyncOp) => void): { problems: LineProblem[]; consumed: number; lines: number } {
  const problems: LineProblem[] = [];
  let start = 0;
  let lineNo = firstLine;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    const line = text.slice(start, end);
    start = end + 1;
    const here = lineNo++;
    if (line.trim() === '') continue;
    if (line.length > MAX_OP_LINE) {
      problems.push({ line: here, message: `a record of ${line.length} characters (at most ${MAX_OP_LINE}) was rejected` });
      continue;
    }
    let ops: SyncOp[] | string;
    try {
      ops = snapshotLineOps(parseJsonStrict(line));
    } catch (error) {
      problems.push({ line: here, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    const problem = typeof ops === 'string' ? ops : ops.map((op) => operationProblem(op, null)).find((p) => p !== null);
    if (problem || typeof ops === 'string') {
      problems.push({ line: here, message: `rejected: ${problem ?? 'a bad record'}` });
      continue;
    }
    for (const op of ops) apply(op);
  }
  return { problems, consumed: start, lines: lineNo - firstLine };
}
