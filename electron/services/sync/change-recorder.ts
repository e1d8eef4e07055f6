import { join } from 'node:path';
import { HybridClock } from '../../../shared/sync/hlc.ts';
import type { SyncOp, OpVia } from '../../../shared/sync/operations.ts';
import { Replica, type Conflict } from '../../../shared/sync/replica.ts';
import { collectionDrafts, itemDrafts, settingsDrafts, stampChange, type OpDraft } from '../../../shared/sync/capture.ts';
import type { LibraryOp, LibraryStore } from '../library-store/library-store.ts';
import { expectNewItem } from '../library-store/stored-lines.ts';
import type { CommitObserver } from '../service-context.ts';
import { ChangeLog, MAX_OPS } from './change-log.ts';
import { changesDir, loadIdentity, readJsonFile, writeJsonFile, type DeviceIdentity } from './changes-files.ts';
import { readReplicaFile, writeReplicaFile } from './replica-file.ts';
import { readFoldPending, type PendingFold } from './fold-pending.ts';
import { LibraryBefore, reconcileDrafts } from './reconcile.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';

/**
 * Turns every commit of the services into operations in the change log (diffing each record against the one it
 * replaces), keeps the merged replica, and records what undo can take back. Loaded on the first change (or the
 * first history, undo or sync call), so commands that only read never pay for it.
 */

const UNDO_DEPTH = 500;

export interface FoldOutcome {
  applied: SyncOp[];
  items: Set<string>;
  collections: boolean;
  settings: boolean;
  conflicts: Conflict[];
}

interface UndoFile {
  undo: string[];
  redo: string[];
}

const isUndoFile = (v: unknown): v is UndoFile => typeof v === 'object' && v !== null && Array.isArray((v as UndoFile).undo) && Array.isArray((v as UndoFile).redo);

interface Loaded {
  identity: DeviceIdentity;
  log: ChangeLog;
  replica: Replica;
  clock: HybridClock;
  undo: UndoFile;
  snapshotThrough: number;
  /** The replica took operations that are not in the log (a snapshot from the sync folder): save it. */
  dirty: boolean;
  /** Incoming operations logged but not yet in the library (a fold the process did not finish). */
  pendingFold: PendingFold | null;
}

export class ChangeRecorder implements CommitObserver {
  readonly dir: string;
  private readonly store: LibraryStore;
  private readonly now: () => number;
  private loading: Promise<Loaded> | null = null;
  private isLoaded = false;
  /** While the load runs: what changes committed meanwhile replaced. */
  private loadingBefore: LibraryBefore | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private snapshotting: Promise<void> | null = null;

  private readonly onError: (message: string) => void;
  private readonly recordedListeners = new Set<() => void>();

  /** `onError`: the change is in the library but not in the log (the next load catches it up); tell the user. */
  constructor(store: LibraryStore, onError: (message: string) => void, now: () => number = Date.now) {
    this.store = store;
    this.onError = onError;
    this.dir = changesDir(store.folder);
    this.now = now;
  }

  /** Loads the log and the replica (building the baseline from the library the first time). */
  loaded(): Promise<Loaded> {
    if (!this.loading) {
      const before = new LibraryBefore(this.store);
      this.loadingBefore = before;
      this.loading = this.load(before).finally(() => {
        this.loadingBefore = null;
      });
      this.loading.then(() => {
        this.isLoaded = true;
      }, () => undefined);
    }
    return this.loading;
  }

  /** Every change committed so far is in the log (or failed to be, and was reported). */
  async settled(): Promise<Loaded> {
    await this.queue;
    return this.loaded();
  }

  /**
   * `before`: the library as it was when the load began (changes committed during the load add what they replace).
   * The catch-up brings the replica to that state; each of those changes is then logged on its own.
   * Every long pass yields to the event loop: a long-lived host starts this load in the background after opening.
   */
  private async load(before: LibraryBefore): Promise<Loaded> {
    const identity = await loadIdentity(this.dir);
    const log = await ChangeLog.open(this.dir);
    const snapshot = await readReplicaFile(this.dir);
    const replica = snapshot?.replica ?? new Replica();
    const from = snapshot?.through ?? 0;
    const clock = new HybridClock(identity.deviceId, this.now);
    const slicer = new TimeSlicer(8, { background: true });
    for (const { index, op } of log.all()) {
      if (slicer.due()) await slicer.yield();
      clock.receive(op.ts);
      if (index >= from) replica.apply(op);
    }
    const undo = (await readJsonFile(join(this.dir, 'undo.json'), isUndoFile)) ?? { undo: [], redo: [] };
    const pendingFold = await readFoldPending(this.dir);
    const state: Loaded = { identity, log, replica, clock, undo, snapshotThrough: snapshot ? from : 0, dirty: false, pendingFold };
    // Whatever the library holds that the replica does not (its state before the log existed, or a change a
    // crash kept out of the log) becomes one catch-up change, so the replica always matches the library;
    // except what an unfinished fold left: there the replica is ahead, and the next exchange brings the library to it.
    const catchUp = await reconcileDrafts(this.store, replica, before, pendingFold);
    if (catchUp.length > 0) await log.append(stampChange(catchUp, clock, replica));
    return state;
  }

  /**
   * Logs the change after the store has it. Once the log is loaded the caller waits for it (an fsynced append);
   * while it still loads (a large library's first minutes) the caller returns once the library has the change, and
   * the change is logged, in order, when the load is done (history and undo wait for that: see `settled`).
   */
  beforeCommit(ops: readonly LibraryOp[], store: LibraryStore, recorded: boolean): Promise<void> | null {
    if (recorded) return null;
    const drafts = draftsFor(ops, store);
    if (drafts.length === 0) return null;
    if (!this.loading) this.loaded().catch(() => undefined);
    this.loadingBefore?.note(ops, store);
    const wait = this.isLoaded;
    const logged = this.serial(async () => {
      try {
        await this.record(drafts, null);
      } catch (error) {
        this.onError(`The change is saved, but could not be added to the change log (history, undo, sync): ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return wait ? logged : null;
  }

  /** Stamps and logs one change; an own change (not undo/redo) goes on the undo stack. */
  async record(drafts: readonly OpDraft[], via: { via: OpVia; of: string; prev?: Map<string, string[]> } | null): Promise<SyncOp[]> {
    const state = await this.loaded();
    const ops = stampChange(drafts, state.clock, state.replica, via ?? undefined);
    await state.log.append(ops);
    const chg = ops[0]?.chg;
    if (chg && via === null) {
      state.undo.undo = [...state.undo.undo, chg].slice(-UNDO_DEPTH);
      state.undo.redo = [];
      await this.saveUndo(state);
    }
    this.maybeSnapshot(state);
    for (const listener of this.recordedListeners) listener();
    return ops;
  }

  /** Called after each change of this library is in the log (continuous sync publishes it). */
  onRecorded(listener: () => void): () => void {
    this.recordedListeners.add(listener);
    return () => this.recordedListeners.delete(listener);
  }

  /** Folds in operations of other devices (already checked): new ones are applied and logged. */
  async fold(ops: readonly SyncOp[]): Promise<FoldOutcome> {
    const state = await this.loaded();
    const outcome: FoldOutcome = { applied: [], items: new Set(), collections: false, settings: false, conflicts: [] };
    for (const op of ops) {
      if (state.log.has(op.ts)) continue;
      state.clock.receive(op.ts);
      const result = state.replica.apply(op);
      outcome.applied.push(op);
      if (result.conflict) outcome.conflicts.push(result.conflict);
      if (op.e === 'item') outcome.items.add(op.id);
      else if (op.e === 'coll') outcome.collections = true;
      else outcome.settings = true;
    }
    await state.log.append(outcome.applied);
    this.maybeSnapshot(state);
    return outcome;
  }

  async saveUndo(state: Loaded): Promise<void> {
    await writeJsonFile(join(this.dir, 'undo.json'), state.undo);
  }

  /** Runs after every change queued before it (undo must see the change it undoes in the log). */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes the replica snapshot in the background when it is needed (see `optional`): changes and exchanges go on
   * meanwhile (the replica only grows, so a snapshot that takes in some later operations is still right: replaying
   * them from the log changes nothing).
   */
  private maybeSnapshot(state: Loaded): void {
    if (this.snapshotting || optional(state)) return;
    this.snapshotting = this.snapshot(state)
      .catch((error: unknown) => this.onError(`The change history snapshot could not be written (it is tried again later): ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.snapshotting = null;
      });
  }

  private async snapshot(state: Loaded): Promise<void> {
    const end = state.log.end();
    await state.log.flush();
    // Whatever the replica holds now goes into the file; a join that starts meanwhile marks it dirty again.
    state.dirty = false;
    try {
      await writeReplicaFile(this.dir, { replica: state.replica, through: end });
    } catch (error) {
      state.dirty = true;
      throw error;
    }
    state.snapshotThrough = Math.max(state.snapshotThrough, end);
    await state.log.compact(end);
  }

  async close(): Promise<void> {
    if (!this.loading) return;
    await this.queue;
    await this.snapshotting;
    const state = await this.loading;
    try {
      await state.log.flush();
      if ((state.dirty || state.log.end() > state.snapshotThrough) && !optional(state)) await this.snapshot(state);
    } catch (error) {
      // The library is already saved; the log catches up from it at the next open (see load), so closing never
      // fails for want of its snapshot (a full disk, say).
      console.error(`folio: the change history in ${this.dir} could not be brought up to date (${(error as Error).message}); it catches up from the library next time`);
    }
  }
}

/**
 * The replica snapshot is needed only before the log drops its oldest segments (past MAX_OPS) and when the replica
 * holds what the log does not (a join from another device's snapshot). Otherwise the next load replays the log,
 * which it reads whole anyway: at 50k items, reading a 190 MB snapshot took 3.4 s, replaying the 50k creates 0.7 s.
 */
function optional(state: Loaded): boolean {
  return !state.dirty && state.log.all().length <= MAX_OPS;
}

function draftsFor(ops: readonly LibraryOp[], store: LibraryStore): OpDraft[] {
  const drafts: OpDraft[] = [];
  for (const op of ops) {
    if (op.op === 'putItems') {
      for (const item of op.items) {
        const before = store.getItem(item.id);
        if (!before) expectNewItem(item);
        drafts.push(...itemDrafts(before, item));
      }
    }
    else if (op.op === 'deleteItems') for (const id of op.ids) drafts.push({ e: 'item', id, k: 'delete' });
    else if (op.op === 'putCollections') {
      const before = new Map(store.collections().map((c) => [c.id, c]));
      for (const coll of op.collections) drafts.push(...collectionDrafts(before.get(coll.id), coll));
    } else if (op.op === 'deleteCollections') for (const id of op.ids) drafts.push({ e: 'coll', id, k: 'delete' });
    else drafts.push(...settingsDrafts(store.settings(), op.settings));
  }
  return drafts;
}
