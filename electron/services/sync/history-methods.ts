import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { HistoryEntry, UndoResult, UndoStatus } from '../../../shared/api/sync-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { hlcDevice } from '../../../shared/sync/hlc.ts';
import { itemHistory, registerConflicts } from '../../../shared/sync/history.ts';
import { registerKey, type SyncOp } from '../../../shared/sync/operations.ts';
import type { OpDraft } from '../../../shared/sync/capture.ts';
import { inverseDrafts, redoDrafts } from '../../../shared/sync/undo-drafts.ts';
import type { ServiceContext } from '../service-context.ts';
import type { ChangeRecorder } from './change-recorder.ts';
import { describeChange, valueText } from './change-text.ts';
import { foldIntoStore } from './store-fold.ts';
import { readSyncState } from './sync-state.ts';

/** The `history` group: an item's changes from every device, revert, conflict choice, and undo/redo that survive a restart. */
export function createHistoryMethods(ctx: ServiceContext, recorder: ChangeRecorder): FolioApi['history'] {
  async function opsOf(predicate: (op: SyncOp) => boolean): Promise<SyncOp[]> {
    const loaded = await recorder.loaded();
    return loaded.log.all().filter((l) => predicate(l.op)).map((l) => l.op);
  }

  async function deviceNames(): Promise<(id: string) => string> {
    const loaded = await recorder.loaded();
    const state = await readSyncState(recorder.dir);
    return (id) => (id === loaded.identity.deviceId ? loaded.identity.deviceName : state.devices[id]?.name ?? state.names?.[id] ?? id);
  }

  async function status(): Promise<UndoStatus> {
    const loaded = await recorder.loaded();
    const label = async (chg: string | undefined) => (chg ? describeChange(await opsOf((op) => op.chg === chg)) : null);
    return {
      canUndo: loaded.undo.undo.length > 0,
      canRedo: loaded.undo.redo.length > 0,
      undoLabel: await label(loaded.undo.undo[loaded.undo.undo.length - 1]),
      redoLabel: await label(loaded.undo.redo[loaded.undo.redo.length - 1]),
      undoDepth: loaded.undo.undo.length,
      redoDepth: loaded.undo.redo.length,
    };
  }

  /** Logs a change made from the history (undo, redo, revert, resolve) and brings the library to it. */
  async function apply(drafts: OpDraft[], via: Parameters<ChangeRecorder['record']>[1]): Promise<ItemId[]> {
    if (drafts.length === 0) return [];
    const ops = await recorder.record(drafts, via);
    const loaded = await recorder.loaded();
    const touched = { items: new Set(ops.filter((o) => o.e === 'item').map((o) => o.id)), collections: ops.some((o) => o.e === 'coll'), settings: ops.some((o) => o.e === 'settings') };
    const result = await foldIntoStore(ctx, loaded.replica, touched, ctx.now());
    return result.itemIds.length > 0 ? result.itemIds : ([...touched.items] as ItemId[]);
  }

  async function step(direction: 'undo' | 'redo', steps: number): Promise<UndoResult> {
    return recorder.serial(async () => {
      const loaded = await recorder.loaded();
      const itemIds = new Set<ItemId>();
      let done = 0;
      while (done < steps) {
        const from = direction === 'undo' ? loaded.undo.undo : loaded.undo.redo;
        const chg = from.pop();
        if (!chg) break;
        const ops = await opsOf((op) => op.chg === chg);
        // A change older than the history keeps (docs/sync.md) is gone from the log: it cannot be undone any more.
        if (ops.length === 0) continue;
        const drafts = direction === 'undo' ? inverseDrafts(ops, ctx.now()) : redoDrafts(ops, ctx.now());
        for (const id of await apply(drafts, { via: direction, of: chg })) itemIds.add(id);
        (direction === 'undo' ? loaded.undo.redo : loaded.undo.undo).push(chg);
        done++;
      }
      await recorder.saveUndo(loaded);
      return { steps: done, itemIds: [...itemIds], status: await status() };
    });
  }

  async function findOp(entryId: string): Promise<SyncOp> {
    const [op] = await opsOf((o) => o.ts === entryId);
    if (!op) throw new FolioError('NOT_FOUND', `No history entry ${entryId} (older entries are compacted away; see docs/sync.md)`);
    return op;
  }

  return {
    async forItem(itemId) {
      ctx.requireItem(itemId);
      await recorder.settled();
      const names = await deviceNames();
      const records = itemHistory(await opsOf((op) => op.e === 'item' && op.id === itemId));
      const entries: HistoryEntry[] = records.map((r) => ({
        id: r.op.ts,
        itemId,
        time: new Date(r.time).toISOString(),
        deviceId: r.device,
        deviceName: names(r.device),
        field: r.field,
        oldValue: r.oldValue,
        newValue: r.newValue,
        oldText: valueText(r.field, r.oldValue),
        newText: r.op.k === 'create' ? 'created' : valueText(r.field, r.newValue),
        conflict: r.conflict
          ? { state: r.conflict.open ? 'open' : 'resolved', otherValue: r.conflict.other.v ?? null, otherText: valueText(r.field, r.conflict.other.v ?? null), otherEntryId: r.conflict.other.ts, otherDeviceName: names(hlcDevice(r.conflict.other.ts)) }
          : null,
        undo: r.op.via !== undefined,
        revertible: r.op.k === 'set' || r.op.k === 'elem' || r.op.k === 'create',
      }));
      const state = await readSyncState(recorder.dir);
      for (const rename of state.keyRenames.filter((k) => k.itemId === itemId)) {
        entries.push({
          id: `key-renamed-${rename.at}`, itemId, time: rename.at, deviceId: '', deviceName: 'Sync', field: 'key-renamed',
          oldValue: rename.from, newValue: rename.to, oldText: rename.from, newText: `${rename.to} (another device's item, created first, has ${rename.from})`,
          conflict: null, undo: false, revertible: false,
        });
      }
      return entries.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
    },
    async revert(entryId) {
      return recorder.serial(async () => {
        const op = await findOp(entryId);
        const drafts = inverseDrafts([op], ctx.now());
        if (drafts.length === 0) throw new FolioError('INVALID_ARGUMENT', 'A purge or a deleted collection cannot be reverted');
        const itemIds = await apply(drafts, { via: 'revert', of: entryId });
        return { steps: 1, itemIds, status: await status() };
      });
    },
    async chooseConflict(entryId, choice) {
      return recorder.serial(async () => {
        const winner = await findOp(entryId);
        const register = registerKey(winner);
        const ops = await opsOf((o) => (o.k === 'set' || o.k === 'elem') && registerKey(o) === register);
        const conflict = registerConflicts(ops).get(winner.ts);
        if (!conflict) throw new FolioError('INVALID_ARGUMENT', `History entry ${entryId} is not the winner of a conflict`);
        const loaded = await recorder.loaded();
        const current = loaded.replica.register(winner.e, winner.id, winner.f ?? '', winner.k === 'elem' ? winner.key : undefined);
        const value = choice === 'other' ? conflict.loser.v ?? null : current?.v ?? null;
        const draft: OpDraft = { e: winner.e, id: winner.id, k: winner.k, f: winner.f, ...(winner.key !== undefined ? { key: winner.key } : {}), v: value, old: current?.v ?? null };
        const prev = new Map([[`${winner.id}\u0000${winner.f ?? ''}\u0000${winner.key ?? ''}`, [conflict.loser.ts, winner.ts]]]);
        const itemIds = await apply([draft], { via: 'resolve', of: entryId, prev });
        return { steps: 1, itemIds, status: await status() };
      });
    },
    undo: (steps) => step('undo', steps),
    redo: (steps) => step('redo', steps),
    undoStatus: async () => {
      await recorder.settled();
      return status();
    },
  };
}
