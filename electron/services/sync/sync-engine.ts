import { resolve } from 'node:path';
import type { SyncExchangeResult, SyncProblem, SyncStatus } from '../../../shared/api/sync-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { hlcWall } from '../../../shared/sync/hlc.ts';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import type { ServiceContext } from '../service-context.ts';
import type { ChangeRecorder } from './change-recorder.ts';
import { cleanDeviceName, saveIdentity } from './changes-files.ts';
import { readOtherDevices, listDevices, type Cursors } from './folder-logs.ts';
import { appendOwnOps, attachmentsOf, fetchBlob, lostOwnIndex, OPS_PER_SEGMENT, publishBlob, writeDeviceFile } from './folder-publish.ts';
import { joinFromSnapshot, writeFolderSnapshot, type KnownDevice } from './folder-snapshots.ts';
import { LogCounts, ownFrom } from './log-counts.ts';
import { acksOf, deleteSegments, prunable, prunedByOthers } from './folder-prune.ts';
import { foldIntoStore } from './store-fold.ts';
import { addPending, clearFoldPending, pendingOf, writeFoldPending } from './fold-pending.ts';
import { emptySyncState, readSyncState, writeSyncState, type SyncStateFile } from './sync-state.ts';
import { prepareSyncFolder } from './sync-folder-paths.ts';

/** A snapshot goes to the sync folder after this many published operations. */
const SNAPSHOT_EVERY = 20_000;
/** Operations folded into the library per slice, between which the event loop runs. */
const FOLD_SLICE = 1_000;

/** How often this device writes a snapshot and rolls its segments (tests make them small). */
export interface SyncTuning {
  snapshotEvery: number;
  opsPerSegment: number;
}

/**
 * One exchange with the sync folder: publish this library's new operations (and their attachment files), read
 * the other devices', fold them into the replica and then into the library through the normal commit path.
 */
export class SyncEngine {
  private readonly ctx: ServiceContext;
  private readonly recorder: ChangeRecorder;
  private state: SyncStateFile | null = null;
  private running: Promise<SyncExchangeResult> | null = null;
  private lastError: string | null = null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly configuredListeners = new Set<() => void>();
  private readonly counts = new LogCounts();

  private readonly tuning: SyncTuning;

  constructor(ctx: ServiceContext, recorder: ChangeRecorder, tuning: Partial<SyncTuning> = {}) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.tuning = { snapshotEvery: SNAPSHOT_EVERY, opsPerSegment: OPS_PER_SEGMENT, ...tuning };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onConfigured(listener: () => void): () => void {
    this.configuredListeners.add(listener);
    return () => this.configuredListeners.delete(listener);
  }

  private async loadState(): Promise<SyncStateFile> {
    this.state ??= await readSyncState(this.recorder.dir);
    return this.state;
  }

  async folder(): Promise<string | null> {
    return (await this.loadState()).folder;
  }

  /** Joins a folder (the next exchange publishes the whole library), or leaves sync (null). */
  async configure(folder: string | null, deviceName: string | null): Promise<SyncStatus> {
    const loaded = await this.recorder.loaded();
    if (deviceName !== null) {
      const name = cleanDeviceName(deviceName);
      if (!name) throw new FolioError('INVALID_ARGUMENT', 'A device name needs at least one visible character');
      loaded.identity.deviceName = name;
      await saveIdentity(this.recorder.dir, loaded.identity);
    }
    const state = await this.loadState();
    const next = folder === null ? null : resolve(folder);
    if (next !== state.folder) {
      if (next !== null && resolve(next).startsWith(resolve(this.ctx.store.folder))) {
        throw new FolioError('INVALID_ARGUMENT', 'The sync folder cannot be inside the library folder');
      }
      // A new folder starts from nothing: everything is published there, everything there is read.
      this.state = { ...emptySyncState(next), names: { ...state.names, ...Object.fromEntries(Object.entries(state.devices).map(([id, d]) => [id, d.name])) } };
      await writeSyncState(this.recorder.dir, this.state);
    }
    const status = await this.status();
    this.emit(status);
    for (const listener of this.configuredListeners) listener();
    return status;
  }

  syncNow(): Promise<SyncExchangeResult> {
    this.running ??= this.exchange().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async exchange(): Promise<SyncExchangeResult> {
    const state = await this.loadState();
    if (!state.folder) throw new FolioError('INVALID_ARGUMENT', 'Sync is off: choose a sync folder first (Settings › Sync, or folio sync --folder DIR)');
    this.emit({ ...(await this.status()), state: 'syncing' });
    try {
      const result = await this.recorder.serial(() => this.exchangeOnce(state, state.folder as string));
      this.lastError = null;
      this.emit(await this.status());
      return result;
    } catch (error) {
      this.lastError = `Sync with ${state.folder} failed: ${error instanceof Error ? error.message : String(error)}`;
      this.emit(await this.status());
      throw error instanceof FolioError ? error : new FolioError('IO', this.lastError);
    }
  }

  private async exchangeOnce(state: SyncStateFile, folder: string): Promise<SyncExchangeResult> {
    const loaded = await this.recorder.loaded();
    const self = loaded.identity.deviceId;
    const root = await prepareSyncFolder(folder, self);
    await writeDeviceFile(folder, self, loaded.identity.deviceName, { acks: acksOf(state.cursors, self), pruned: state.own.pruned ?? {} });
    const sent = await this.publish(state, folder, loaded.log.all(), self);
    const problems: SyncProblem[] = [];
    let received = 0;
    let conflicts = 0;
    const touched = { items: new Set<string>(), collections: false, settings: false };
    if (!state.joined) {
      const devices = await listDevices(root, folder);
      const joined = await joinFromSnapshot(folder, devices, self, await prunedByOthers(folder, devices, self), loaded.replica, loaded.clock, problems);
      if (joined === 'waiting') {
        // Old segments were pruned, and the snapshot that holds them has not arrived yet: joining now would miss them.
        problems.push({ deviceId: '', file: '', line: null, message: 'Waiting for a snapshot that holds the pruned logs before joining; the next exchange tries again' });
        state.problems = [...problems, ...state.problems].slice(0, 100);
        await writeSyncState(this.recorder.dir, state);
        return { sent, received: 0, conflicts: 0, devices: devices.length, keyRenames: [], problems };
      }
      if (joined !== null) {
        loaded.dirty = true;
        state.cursors = joined.cursors;
        for (const [id, known] of Object.entries(joined.devices)) if (id !== self) state.devices[id] = { name: known.name, operations: known.operations, lastChangeAt: state.devices[id]?.lastChangeAt ?? null };
        for (const id of joined.items) touched.items.add(id);
        touched.collections = true;
        touched.settings = true;
        received += joined.ops;
      }
    }
    const read = await readOtherDevices(root, folder, self, state.cursors);
    problems.push(...read.problems);
    const incoming = read.devices.flatMap((d) => d.ops);
    // What a fold that did not finish left for the library, and (before the log takes them) what this one brings.
    const leftOver = loaded.pendingFold;
    if (leftOver) addPending(touched, leftOver);
    if (incoming.length > 0) {
      loaded.pendingFold = pendingOf(incoming, leftOver);
      await writeFoldPending(this.recorder.dir, loaded.pendingFold);
    }
    for (let i = 0; i < incoming.length; i += FOLD_SLICE) {
      const outcome = await this.recorder.fold(incoming.slice(i, i + FOLD_SLICE));
      received += outcome.applied.length;
      conflicts += outcome.conflicts.length;
      for (const id of outcome.items) touched.items.add(id);
      touched.collections ||= outcome.collections;
      touched.settings ||= outcome.settings;
      await yieldToEventLoop();
    }
    state.cursors = read.cursors;
    const now = new Date().toISOString();
    const folded = await foldIntoStore(this.ctx, loaded.replica, touched, now);
    if (loaded.pendingFold) {
      await clearFoldPending(this.recorder.dir);
      loaded.pendingFold = null;
    }
    for (const message of folded.refused) problems.push({ deviceId: '', file: '', line: null, message: `Not applied: ${message}` });
    await this.fetchAttachments(folder, touched.items);
    for (const device of read.devices) {
      const before = state.devices[device.deviceId];
      const last = device.ops.reduce<string | null>((max, op) => (max === null || op.ts > max ? op.ts : max), null);
      state.devices[device.deviceId] = {
        name: device.name,
        operations: (before?.operations ?? 0) + device.ops.length,
        lastChangeAt: last ? new Date(hlcWall(last)).toISOString() : before?.lastChangeAt ?? null,
      };
    }
    state.names = { ...state.names, ...Object.fromEntries(Object.entries(state.devices).map(([id, d]) => [id, d.name])) };
    state.keyRenames = [...folded.renames, ...state.keyRenames];
    state.problems = [...problems, ...state.problems].slice(0, 100);
    state.lastExchangeAt = now;
    state.joined = true;
    if (loaded.log.end() - state.snapshotThrough >= this.tuning.snapshotEvery || (state.snapshotThrough === 0 && sent > 0)) {
      await this.writeSnapshot(state, folder, self);
    }
    const prune = await prunable(folder, await listDevices(root, folder), self, state.own, state.snapshotCovers ?? null);
    if (prune.length > 0) {
      // Listed in device.json (and the state) before any file goes, so a joining device knows to wait for a snapshot.
      const pruned = { ...state.own.pruned };
      const files = { ...state.own.files };
      for (const name of prune) {
        pruned[name] = files[name]?.bytes ?? 0;
        delete files[name];
      }
      state.own = { ...state.own, files, pruned };
      await writeDeviceFile(folder, self, loaded.identity.deviceName, { acks: acksOf(state.cursors, self), pruned });
      await writeSyncState(this.recorder.dir, state);
      await deleteSegments(folder, self, prune);
    }
    await writeSyncState(this.recorder.dir, state);
    const devices = (await listDevices(root, folder)).length;
    return { sent, received, conflicts, devices, keyRenames: folded.renames, problems };
  }

  /** Writes this device's operations the folder lacks; returns how many. */
  private async publish(state: SyncStateFile, folder: string, log: ReadonlyArray<{ index: number; op: SyncOp }>, self: string): Promise<number> {
    const lost = await lostOwnIndex(folder, self, state.own);
    const from = lost === null ? state.publishedThrough : Math.min(lost, state.publishedThrough);
    const pending = ownFrom(log, from, self);
    for (const { op } of pending) for (const attachment of attachmentsOf(op)) await publishBlob(folder, this.ctx.store.folder, attachment);
    if (pending.length > 0 || lost !== null) state.own = await appendOwnOps(folder, self, state.own, pending, lost !== null, this.tuning.opsPerSegment);
    state.publishedThrough = Math.max(state.publishedThrough, (log[log.length - 1]?.index ?? -1) + 1);
    return pending.length;
  }

  private async fetchAttachments(folder: string, itemIds: Iterable<string>): Promise<number> {
    let waiting = 0;
    for (const id of itemIds) {
      const item = this.ctx.store.getItem(id as never);
      for (const attachment of item?.attachments ?? []) if (!(await fetchBlob(folder, this.ctx.store.folder, attachment))) waiting++;
    }
    return waiting;
  }

  private async writeSnapshot(state: SyncStateFile, folder: string, self: string): Promise<void> {
    const loaded = await this.recorder.loaded();
    const through = loaded.log.end();
    const covers: Cursors = { ...state.cursors };
    for (const [name, file] of Object.entries(state.own.files)) covers[`devices/${self}/${name}`] = { bytes: file.bytes, lines: 0 };
    for (const [name, bytes] of Object.entries(state.own.pruned ?? {})) covers[`devices/${self}/${name}`] = { bytes, lines: 0 };
    const counts = await this.counts.update(loaded.log.all(), self);
    const devices: Record<string, KnownDevice> = { [self]: { name: loaded.identity.deviceName, operations: counts.own } };
    for (const [id, d] of Object.entries(state.devices)) if (id !== self) devices[id] = { name: d.name, operations: d.operations };
    await writeFolderSnapshot(folder, self, through, { snapshot: 2, covers, devices }, loaded.replica);
    state.snapshotThrough = through;
    state.snapshotCovers = covers;
  }

  async status(): Promise<SyncStatus> {
    const state = await this.loadState();
    const loaded = await this.recorder.loaded();
    const self = loaded.identity.deviceId;
    const log = loaded.log.all();
    const counts = await this.counts.update(log, self);
    const devices = [
      { deviceId: self, name: loaded.identity.deviceName, self: true, operations: counts.own, lastChangeAt: counts.lastOwn ? new Date(hlcWall(counts.lastOwn)).toISOString() : null },
      ...Object.entries(state.devices).filter(([id]) => id !== self).map(([deviceId, d]) => ({ deviceId, name: d.name, self: false, operations: d.operations, lastChangeAt: d.lastChangeAt })),
    ];
    return {
      folder: state.folder,
      deviceId: self,
      deviceName: loaded.identity.deviceName,
      state: state.folder === null ? 'off' : this.running ? 'syncing' : this.lastError ? 'error' : 'idle',
      lastExchangeAt: state.lastExchangeAt,
      devices,
      lastError: this.lastError,
      problems: state.problems.slice(0, 20),
      pendingSend: ownFrom(log, state.publishedThrough, self).length,
      openConflicts: counts.openConflicts,
      keyRenames: state.keyRenames.slice(0, 20),
    };
  }

  private emit(status: SyncStatus): void {
    for (const listener of this.listeners) listener(status);
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

