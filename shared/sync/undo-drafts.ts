import type { OpDraft } from './capture.ts';
import type { SyncOp } from './operations.ts';

/**
 * Undo and redo as new operations (so they sync like any edit). Undo writes each operation's old value back;
 * redo writes its new value again. A create is undone by moving the item to the trash; a purge or a collection
 * delete cannot be undone (the history says so).
 */

export function inverseDrafts(ops: readonly SyncOp[], now: string): OpDraft[] {
  const out: OpDraft[] = [];
  // One change writes each register once, so the inverses are independent: kept in order (tags keep theirs).
  for (const op of ops) {
    if (op.k === 'create' && op.e === 'item') out.push({ e: 'item', id: op.id, k: 'set', f: 'trashedAt', v: now, old: null });
    else if (op.k === 'create' && op.e === 'coll') out.push({ e: 'coll', id: op.id, k: 'delete' });
    else if (op.k === 'set' || op.k === 'elem') out.push({ e: op.e, id: op.id, k: op.k, f: op.f, ...(op.key !== undefined ? { key: op.key } : {}), v: op.old ?? null, old: op.v ?? null });
  }
  return out;
}

export function redoDrafts(ops: readonly SyncOp[], now: string): OpDraft[] {
  const out: OpDraft[] = [];
  for (const op of ops) {
    if (op.k === 'create' && op.e === 'item') out.push({ e: 'item', id: op.id, k: 'set', f: 'trashedAt', v: null, old: now });
    else if (op.k === 'set' || op.k === 'elem') out.push({ e: op.e, id: op.id, k: op.k, f: op.f, ...(op.key !== undefined ? { key: op.key } : {}), v: op.v ?? null, old: op.old ?? null });
  }
  return out;
}

/** Whether undo can take this change back. */
export function isUndoable(ops: readonly SyncOp[]): boolean {
  return ops.some((op) => op.k !== 'delete');
}
