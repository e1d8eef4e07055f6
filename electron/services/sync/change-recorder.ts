import { join } from 'node:path';
import type { Item } from '../../../shared/model/item.ts';
import type { Collection } from '../../../shared/model/collection.ts';
import { HybridClock } from '../../../shared/sync/hlc.ts';
import type { SyncOp, OpVia } from '../../../shared/sync/operations.ts';
import { Replica, type Conflict } from '../../../shared/sync/replica.ts';
import { collectionDrafts, itemDrafts, settingsDrafts, stampChange, type OpDraft } from '../../../shared/sync/capture.ts';
import { materialiseCollections, materialiseItem, materialiseSettings } from '../../../shared/sync/materialise.ts';
import { canonicalJson, type JsonValue } from '../../../shared/sync/operations.ts';
import type { LibraryOp, LibraryStore } from '../library-store/library-store.ts';
import type { LibrarySettings } from '../../../shared/model/library-doc.ts';
import type { CommitObserver } from '../service-context.ts';
import { ChangeLog, MAX_OPS } from './change-log.ts';
import { changesDir, loadIdentity, readJsonFile, writeJsonFile, type DeviceIdentity } from './changes-files.ts';
import { readReplicaFile, writeReplicaFile } from './replica-file.ts';
import { readFoldPending, type PendingFold } from './fold-pending.ts';

/**
 * Turns every commit of the services into operations in the change log (diffing each record against the one it
 * replaces), keeps the merged replica, and records what undo can take back. Loaded on the first change (or the
 * first history, undo or sync call), so commands that only read never pay for it.
 */

const UNDO_DEPTH = 500;
/** Write the replica snapshot after this many operations since the last one. */
const SNAPSHOT_EVERY = 5_000;

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
  private queue: Promise<unknown> = Promise.resolve();
  private snapshotting: Promise<void> | null = null;

  private readonly onError: (message: string) => void;
  private readonly recordedListeners = new Set<() => void>();
  private readonly deferSnapshots: boolean;

  /**
   * `onError`: the change is in the library but not in the log (the next load catches it up); tell the user.
   * `deferSnapshots` (a one-shot command): the replica snapshot only speeds up the next load, which replays the log
   * instead, so it is written only when the log must be compacted or the replica holds what the log does not.
   */
  constructor(store: LibraryStore, onError: (message: string) => void, now: () => number = Date.now, options: { deferSnapshots?: boolean } = {}) {
    this.store = store;
    this.onError = onError;
    this.dir = changesDir(store.folder);
    this.now = now;
    this.deferSnapshots = options.deferSnapshots ?? false;
  }

  /** Loads the log and the replica (building the baseline from the library the first time). */
  loaded(): Promise<Loaded> {
    this.loading ??= this.load(null);
    return this.loading;
  }

  /**
   * `before`: when the first change starts the load, the records it replaces. The library already holds the
   * change by the time the load compares it with the replica, and the change is logged on its own.
   */
  private async load(before: LibraryBefore | null): Promise<Loaded> {
    const identity = await loadIdentity(this.dir);
    const log = await ChangeLog.open(this.dir);
    const snapshot = await readReplicaFile(this.dir);
    const replica = snapshot?.replica ?? new Replica();
    const from = snapshot?.through ?? 0;
    const clock = new HybridClock(identity.deviceId, this.now);
    for (const { index, op } of log.all()) {
      clock.receive(op.ts);
      if (index >= from) replica.apply(op);
    }
    const undo = (await readJsonFile(join(this.dir, 'undo.json'), isUndoFile)) ?? { undo: [], redo: [] };
    const pendingFold = await readFoldPending(this.dir);
    const state: Loaded = { identity, log, replica, clock, undo, snapshotThrough: snapshot ? from : 0, dirty: false, pendingFold };
    // Whatever the library holds that the replica does not (its state before the log existed, or a change a
    // crash kept out of the log) becomes one catch-up change, so the replica always matches the library;
    // except what an unfinished fold left: there the replica is ahead, and the next exchange brings the library to it.
    const catchUp = reconcileDrafts(this.store, replica, before, pendingFold);
    if (catchUp.length > 0) await log.append(stampChange(catchUp, clock, replica));
    return state;
  }

  beforeCommit(ops: readonly LibraryOp[], store: LibraryStore, recorded: boolean): Promise<void> | null {
    if (recorded) return null;
    const drafts = draftsFor(ops, store);
    if (drafts.length === 0) return null;
    this.loading ??= this.load(beforeOf(ops, store));
    return this.serial(async () => {
      try {
        await this.record(drafts, null);
      } catch (error) {
        this.onError(`The change is saved, but could not be added to the change log (history, undo, sync): ${error instanceof Error ? error.message : String(error)}`);
      }
    });
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
   * Writes the replica snapshot in the background once enough operations arrived since the last one: changes and
   * exchanges go on meanwhile (the replica only grows, so a snapshot that takes in some later operations is still
   * right: replaying them from the log changes nothing).
   */
  private maybeSnapshot(state: Loaded): void {
    if (this.snapshotting || state.log.end() - state.snapshotThrough < SNAPSHOT_EVERY || this.deferred(state)) return;
    this.snapshotting = this.snapshot(state)
      .catch((error: unknown) => this.onError(`The change history snapshot could not be written (it is tried again later): ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /** A one-shot command leaves the snapshot to the next long-lived process, unless the log must compact. */
  private deferred(state: Loaded): boolean {
    return this.deferSnapshots && !state.dirty && state.log.all().length <= MAX_OPS;
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
      if ((state.dirty || state.log.end() > state.snapshotThrough) && !this.deferred(state)) await this.snapshot(state);
    } catch (error) {
      // The library is already saved; the log catches up from it at the next open (see load), so closing never
      // fails for want of its snapshot (a full disk, say).
      console.error(`folio: the change history in ${this.dir} could not be brought up to date (${(error as Error).message}); it catches up from the library next time`);
    }
  }
}

export interface LibraryBefore {
  items: Map<string, Item | undefined>;
  collections: readonly Collection[];
  settings: LibrarySettings;
}

function beforeOf(ops: readonly LibraryOp[], store: LibraryStore): LibraryBefore {
  const items = new Map<string, Item | undefined>();
  for (const op of ops) {
    if (op.op === 'putItems') for (const item of op.items) items.set(item.id, store.getItem(item.id));
    if (op.op === 'deleteItems') for (const id of op.ids) items.set(id, store.getItem(id));
  }
  return { items, collections: store.collections(), settings: store.settings() };
}

function draftsFor(ops: readonly LibraryOp[], store: LibraryStore): OpDraft[] {
  const drafts: OpDraft[] = [];
  for (const op of ops) {
    if (op.op === 'putItems') for (const item of op.items) drafts.push(...itemDrafts(store.getItem(item.id), item));
    else if (op.op === 'deleteItems') for (const id of op.ids) drafts.push({ e: 'item', id, k: 'delete' });
    else if (op.op === 'putCollections') {
      const before = new Map(store.collections().map((c) => [c.id, c]));
      for (const coll of op.collections) drafts.push(...collectionDrafts(before.get(coll.id), coll));
    } else if (op.op === 'deleteCollections') for (const id of op.ids) drafts.push({ e: 'coll', id, k: 'delete' });
    else drafts.push(...settingsDrafts(store.settings(), op.settings));
  }
  return drafts;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);

/** Operations that bring the replica to what the library holds (keys settled by sync are the library's own). */
export function reconcileDrafts(store: LibraryStore, replica: Replica, before: LibraryBefore | null, pending: PendingFold | null = null): OpDraft[] {
  const drafts: OpDraft[] = [];
  const items: Iterable<Item> = before ? itemsBefore(store, before) : store.items();
  const pendingItems = new Set(pending?.items ?? []);
  for (const item of items) {
    if (pendingItems.has(item.id)) continue;
    const rec = replica.items.get(item.id);
    if (replica.isDeleted('item', item.id)) continue;
    const before = rec ? materialiseItem(item.id, rec) ?? undefined : undefined;
    if (before && sameButKey(before, item, rec?.fields.get('citationKey')?.v)) continue;
    drafts.push(...itemDrafts(before, item));
  }
  const collections = new Map<string, Collection>(materialiseCollections(replica).map((c) => [c.id, c]));
  for (const coll of pending?.collections ? [] : before?.collections ?? store.collections()) {
    if (replica.isDeleted('coll', coll.id)) continue;
    const before = collections.get(coll.id);
    if (!before || !same(before, coll)) drafts.push(...collectionDrafts(before, coll));
  }
  const settings = before?.settings ?? store.settings();
  if (!pending?.settings) drafts.push(...settingsDrafts(materialiseSettings(replica, settings), settings));
  return drafts;
}

function* itemsBefore(store: LibraryStore, before: LibraryBefore): Generator<Item> {
  for (const item of store.items()) {
    if (!before.items.has(item.id)) yield item;
  }
  for (const item of before.items.values()) if (item) yield item;
}

function sameButKey(fromReplica: Item, inLibrary: Item, registerKey: unknown): boolean {
  if (same(fromReplica, inLibrary)) return true;
  // An item whose key sync suffixed: its register keeps the key it asked for.
  return registerKey === fromReplica.citationKey && same({ ...fromReplica, citationKey: inLibrary.citationKey }, inLibrary) && fromReplica.citationKey !== inLibrary.citationKey;
}
