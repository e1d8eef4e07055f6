import { hlcDevice, hlcWall } from './hlc.ts';
import { jsonEqual, QUIET_FIELDS, registerKey, type JsonValue, type SyncOp } from './operations.ts';

/**
 * An item's history from its operations: one entry per change of a field, element, or the item itself. Whether a
 * value lost a conflict is a property of the whole set of operations on its register (no one knowingly replaced
 * it), so every device that has the same operations shows the same conflicts.
 */

export interface HistoryRecord {
  op: SyncOp;
  /** 'create', 'trash', 'restore', 'purge', or the field ('title' for csl.title, 'tags', ...). */
  field: string;
  oldValue: JsonValue;
  newValue: JsonValue;
  time: number;
  device: string;
  /** This entry won a same-field conflict over `other`. */
  conflict: { other: SyncOp; open: boolean } | null;
}

export function displayField(op: SyncOp): string {
  if (op.k === 'create') return 'create';
  if (op.k === 'delete') return 'purge';
  if (op.f === 'trashedAt') return op.v === null ? 'restore' : 'trash';
  if (op.f?.startsWith('csl.')) return op.f.slice(4);
  return op.f ?? '';
}

/**
 * Conflicts among operations on one register. A value is a conflict's loser when a later write replaced it
 * without having seen it (no write names it in `prev`); it lost to the next write after it. The conflict stays
 * open until a resolve (history.chooseConflict) names it.
 */
export function registerConflicts(ops: readonly SyncOp[]): Map<string, { winner: SyncOp; loser: SyncOp; open: boolean }> {
  const sorted = [...ops].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  const known = new Set<string>();
  const resolved = new Set<string>();
  for (const op of sorted) for (const p of op.prev ?? []) (op.via === 'resolve' ? resolved : known).add(p);
  const out = new Map<string, { winner: SyncOp; loser: SyncOp; open: boolean }>();
  for (let i = 0; i < sorted.length - 1; i++) {
    const loser = sorted[i] as SyncOp;
    const winner = sorted[i + 1] as SyncOp;
    if (known.has(loser.ts) || jsonEqual(winner.v, loser.v)) continue;
    out.set(winner.ts, { winner, loser, open: !resolved.has(loser.ts) });
  }
  return out;
}

/** Entries of one item, newest first. */
export function itemHistory(ops: readonly SyncOp[]): HistoryRecord[] {
  const byRegister = new Map<string, SyncOp[]>();
  for (const op of ops) {
    if (op.k !== 'set' && op.k !== 'elem') continue;
    const key = registerKey(op);
    const list = byRegister.get(key);
    if (list) list.push(op);
    else byRegister.set(key, [op]);
  }
  const conflicts = new Map<string, { other: SyncOp; open: boolean }>();
  for (const list of byRegister.values()) {
    if (list.length < 2 || QUIET_FIELDS.has(list[0]?.f ?? '')) continue;
    for (const [ts, c] of registerConflicts(list)) conflicts.set(ts, { other: c.loser, open: c.open });
  }
  const seen = new Set<string>();
  const out: HistoryRecord[] = [];
  for (const op of ops) {
    if (seen.has(op.ts) || (op.f !== undefined && QUIET_FIELDS.has(op.f))) continue;
    seen.add(op.ts);
    const element = op.k === 'elem' && (op.f === 'tags' || op.f === 'collections');
    out.push({
      op,
      field: displayField(op),
      oldValue: element ? (op.old === true ? op.key ?? null : null) : op.old ?? null,
      newValue: element ? (op.v === true ? op.key ?? null : null) : op.k === 'create' ? null : op.v ?? null,
      time: hlcWall(op.ts),
      device: hlcDevice(op.ts),
      conflict: conflicts.get(op.ts) ?? null,
    });
  }
  out.sort((a, b) => (a.op.ts < b.op.ts ? 1 : a.op.ts > b.op.ts ? -1 : 0));
  return out;
}
