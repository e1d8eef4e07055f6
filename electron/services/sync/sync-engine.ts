import { open, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SyncExchangeResult, SyncProblem, SyncStatus } from '../../../shared/api/sync-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { hlcDevice, hlcWall } from '../../../shared/sync/hlc.ts';
import { QUIET_FIELDS, registerKey, type SyncOp } from '../../../shared/sync/operations.ts';
import { registerConflicts } from '../../../shared/sync/history.ts';
import { opLine } from '../../../shared/sync/op-lines.ts';
import { replicaOps } from '../../../shared/sync/replica-snapshot.ts';
import { replaceFileAtomic } from '../library-store/write-file-atomic.ts';
import { writeAll } from '../library-store/store-fs.ts';
import type { ServiceContext } from '../service-context.ts';
import type { ChangeRecorder } from './change-recorder.ts';
import { cleanDeviceName, saveIdentity } from './changes-files.ts';
import { readLogFile, readOtherDevices, listDevices, type Cursors } from './folder-logs.ts';
import { appendOwnOps, attachmentsOf, fetchBlob, lostOwnIndex, publishBlob, removeOldSnapshots, writeDeviceFile } from './folder-publish.ts';
import { foldIntoStore } from './store-fold.ts';
import { emptySyncState, readSyncState, writeSyncState, type SyncStateFile } from './sync-state.ts';
import { deviceDir, prepareSyncFolder, SNAPSHOT_FILE, snapshotName } from './sync-folder-paths.ts';

/** A snapshot goes to the sync folder after this many published operations. */
const SNAPSHOT_EVERY = 20_000;
/** Operations folded into the library per slice, between which the event loop runs. */
const FOLD_SLICE = 2_000;

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

  constructor(ctx: ServiceContext, recorder: ChangeRecorder) {
    this.ctx = ctx;
    this.recorder = recorder;
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
      this.state = emptySyncState(next);
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
    await writeDeviceFile(folder, self, loaded.identity.deviceName);
    const sent = await this.publish(state, folder, loaded.log.all(), self);
    const problems: SyncProblem[] = [];
    let received = 0;
    let conflicts = 0;
    const touched = { items: new Set<string>(), collections: false, settings: false };
    if (!state.joined) {
      const joined = await this.joinFromSnapshot(root, folder, self, problems);
      if (joined) {
        state.cursors = joined.cursors;
        for (const id of joined.items) touched.items.add(id);
        touched.collections = true;
        touched.settings = true;
        received += joined.ops;
      }
    }
    const read = await readOtherDevices(root, folder, self, state.cursors);
    problems.push(...read.problems);
    const incoming = read.devices.flatMap((d) => d.ops);
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
    state.keyRenames = [...folded.renames, ...state.keyRenames];
    state.problems = [...problems, ...state.problems].slice(0, 100);
    state.lastExchangeAt = now;
    state.joined = true;
    if (loaded.log.end() - state.snapshotThrough >= SNAPSHOT_EVERY || (state.snapshotThrough === 0 && sent > 0)) {
      await this.writeSnapshot(state, folder, self);
    }
    await writeSyncState(this.recorder.dir, state);
    const devices = (await listDevices(root, folder)).length;
    return { sent, received, conflicts, devices, keyRenames: folded.renames, problems };
  }

  /** Writes this device's operations the folder lacks; returns how many. */
  private async publish(state: SyncStateFile, folder: string, log: ReadonlyArray<{ index: number; op: SyncOp }>, self: string): Promise<number> {
    const lost = await lostOwnIndex(folder, self, state.own);
    const from = lost === null ? state.publishedThrough : Math.min(lost, state.publishedThrough);
    const pending = log.filter((l) => l.index >= from && hlcDevice(l.op.ts) === self);
    for (const { op } of pending) for (const attachment of attachmentsOf(op)) await publishBlob(folder, this.ctx.store.folder, attachment);
    if (pending.length > 0 || lost !== null) state.own = await appendOwnOps(folder, self, state.own, pending, lost !== null);
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

  /** A new device starts from the newest snapshot in the folder instead of replaying every log. */
  private async joinFromSnapshot(root: string, folder: string, self: string, problems: SyncProblem[]): Promise<{ cursors: Cursors; items: string[]; ops: number } | null> {
    let best: { path: string; rel: string; deviceId: string; covered: number } | null = null;
    for (const deviceId of await listDevices(root, folder)) {
      if (deviceId === self) continue;
      const names = (await readdir(deviceDir(folder, deviceId))).filter((n) => SNAPSHOT_FILE.test(n)).sort();
      const newest = names[names.length - 1];
      if (!newest) continue;
      const covered = Number(SNAPSHOT_FILE.exec(newest)?.[1] ?? 0);
      if (!best || covered > best.covered) best = { path: join(deviceDir(folder, deviceId), newest), rel: `devices/${deviceId}/${newest}`, deviceId, covered };
    }
    if (!best) return null;
    const read = await readLogFile(best.path, null, { bytes: 0, lines: 0 });
    const header = read.problems.find((p) => p.line === 1);
    const covers = await snapshotCovers(best.path);
    if (!covers) {
      problems.push({ deviceId: best.deviceId, file: best.rel, line: 1, message: `${best.rel}: the snapshot has no valid header; the logs are read instead` });
      return null;
    }
    for (const p of read.problems) if (p !== header) problems.push({ deviceId: best.deviceId, file: best.rel, line: p.line, message: `${best.rel} line ${p.line}: ${p.message}` });
    const loaded = await this.recorder.loaded();
    const items = new Set<string>();
    let changed = 0;
    loaded.dirty = true;
    for (const op of read.ops) {
      if (loaded.replica.apply(op).changed) changed++;
      loaded.clock.receive(op.ts);
      if (op.e === 'item') items.add(op.id);
    }
    return { cursors: covers, items: [...items], ops: changed };
  }

  private async writeSnapshot(state: SyncStateFile, folder: string, self: string): Promise<void> {
    const loaded = await this.recorder.loaded();
    const through = loaded.log.end();
    const covers: Cursors = { ...state.cursors };
    for (const [name, file] of Object.entries(state.own.files)) covers[`devices/${self}/${name}`] = { bytes: file.bytes, lines: 0 };
    const dir = deviceDir(folder, self);
    const name = snapshotName(through);
    await replaceFileAtomic(join(dir, name), async (fh) => {
      await writeAll(fh, Buffer.from(`${JSON.stringify({ snapshot: 1, covers })}\n`));
      let chunk = '';
      for (const op of replicaOps(loaded.replica)) {
        chunk += opLine(op);
        if (chunk.length > 1 << 20) {
          await writeAll(fh, Buffer.from(chunk));
          chunk = '';
        }
      }
      if (chunk) await writeAll(fh, Buffer.from(chunk));
    });
    await removeOldSnapshots(dir, name);
    state.snapshotThrough = through;
  }

  async status(): Promise<SyncStatus> {
    const state = await this.loadState();
    const loaded = await this.recorder.loaded();
    const self = loaded.identity.deviceId;
    const pendingSend = loaded.log.all().filter((l) => l.index >= state.publishedThrough && hlcDevice(l.op.ts) === self).length;
    const devices = [
      { deviceId: self, name: loaded.identity.deviceName, self: true, operations: loaded.log.all().filter((l) => hlcDevice(l.op.ts) === self).length, lastChangeAt: null },
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
      pendingSend,
      openConflicts: this.openConflicts(loaded.log.all()),
      keyRenames: state.keyRenames.slice(0, 20),
    };
  }

  private conflictCount: { end: number; count: number } | null = null;

  /** Same-field conflicts in the history nobody has settled yet (counted again only when the log grew). */
  private openConflicts(log: ReadonlyArray<{ index: number; op: SyncOp }>): number {
    const end = log[log.length - 1]?.index ?? -1;
    if (this.conflictCount?.end === end) return this.conflictCount.count;
    const registers = new Map<string, SyncOp[]>();
    for (const { op } of log) {
      if ((op.k !== 'set' && op.k !== 'elem') || QUIET_FIELDS.has(op.f ?? '')) continue;
      const key = registerKey(op);
      const list = registers.get(key);
      if (list) list.push(op);
      else registers.set(key, [op]);
    }
    let count = 0;
    for (const ops of registers.values()) {
      if (ops.length < 2) continue;
      for (const c of registerConflicts(ops).values()) if (c.open) count++;
    }
    this.conflictCount = { end, count };
    return count;
  }

  private emit(status: SyncStatus): void {
    for (const listener of this.listeners) listener(status);
  }
}

async function snapshotCovers(path: string): Promise<Cursors | null> {
  const fh = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4 * 1024 * 1024);
    const { bytesRead } = await fh.read(buffer, 0, buffer.length, 0);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (end < 0) return null;
    const header = JSON.parse(buffer.subarray(0, end).toString('utf8')) as { covers?: unknown };
    if (typeof header.covers !== 'object' || header.covers === null) return null;
    const out: Cursors = {};
    for (const [rel, c] of Object.entries(header.covers as Record<string, { bytes?: unknown; lines?: unknown }>)) {
      if (!/^devices\/[a-z0-9-]+\/[^/]+$/.test(rel) || typeof c.bytes !== 'number') continue;
      out[rel] = { bytes: c.bytes, lines: typeof c.lines === 'number' ? c.lines : 0 };
    }
    return out;
  } catch {
    return null;
  } finally {
    await fh.close();
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

