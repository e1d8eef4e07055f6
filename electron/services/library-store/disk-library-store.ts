import { FolioError } from '../../../shared/api/api-error.ts';
import type { SalvageReport } from '../../../shared/api/library-types.ts';
import type { Collection } from '../../../shared/model/collection.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import type { LibrarySettings } from '../../../shared/model/library-doc.ts';
import { CommitPipeline } from './commit-pipeline.ts';
import { Compactor, type CompactorDeps } from './compactor.ts';
import { opsProblem } from './library-doc-schema.ts';
import type { FileFingerprint } from './library-file.ts';
import type { LibraryLock } from './library-lock.ts';
import type { LibraryState } from './library-state.ts';
import type { LibraryOp, LibraryStore, WriteStatus } from './library-store.ts';
import { writeRowsCache } from './rows-cache.ts';
import type { WriteHealth } from './write-health.ts';

export interface DiskStoreDeps extends Omit<CompactorDeps, 'pipeline' | 'memSeq'> {
  folder: string;
  lock: LibraryLock;
  /** The seq of the last change in memory after replaying the journal. */
  memSeq: number;
  health: WriteHealth;
  /** Write rows-cache.json at a clean close, for the next open's instant table. */
  rowsCache: boolean;
  /** Fail a commit at once when its write fails, instead of keeping it in memory and retrying (the CLI). */
  failFast: boolean;
  salvage: SalvageReport | null;
}

/**
 * The library on disk: reads are served from memory; commit() journals, and
 * the compactor folds the journal into library.json in the background.
 * Built by openLibraryStore, which also recovers and locks the folder.
 */
export class DiskLibraryStore implements LibraryStore {
  readonly folder: string;
  readonly warnings: string[];
  readonly salvage: SalvageReport | null;
  private readonly state: LibraryState;
  private readonly health: WriteHealth;
  private readonly lock: LibraryLock;
  private readonly pipeline: CommitPipeline;
  private readonly compactor: Compactor;
  private readonly flushTimeoutMs: number;
  private readonly pollMs: number;
  private readonly deps: DiskStoreDeps;
  private memSeq: number;
  /** Commits given up after a failed write and undone in memory: [first, last] seq, so flush need not fold them. */
  private abandoned: Array<[number, number]> = [];
  private closing: Promise<void> | null = null;
  private closed = false;
  private backupBeforeChange: Promise<FileFingerprint | null> | null = null;

  constructor(deps: DiskStoreDeps) {
    this.deps = deps;
    this.folder = deps.folder;
    this.warnings = deps.warnings;
    this.salvage = deps.salvage;
    this.state = deps.state;
    this.health = deps.health;
    this.lock = deps.lock;
    this.memSeq = deps.memSeq;
    this.flushTimeoutMs = deps.tuning.flushTimeoutMs;
    this.pollMs = Math.min(deps.tuning.retryDelaysMs[0] ?? 1_000, 1_000);
    this.pipeline = new CommitPipeline({
      journal: deps.journal,
      health: deps.health,
      retryDelaysMs: deps.tuning.retryDelaysMs,
      onWritten: () => this.compactor.afterAppend(),
      failFast: deps.failFast,
      onAbandoned: (first, last) => this.abandoned.push([first, last]),
      wholeWriteItems: deps.tuning.wholeWriteItems,
      writeWhole: () => this.compactor.request(),
    });
    this.compactor = new Compactor({ ...deps, pipeline: this.pipeline, memSeq: () => this.memSeq });
  }

  get schemaVersion(): number {
    return this.state.schemaVersion;
  }

  lastWriteError(): string | null {
    return this.health.lastError();
  }

  getItem(id: ItemId): Item | undefined {
    return this.state.items.get(id);
  }

  items(): IterableIterator<Item> {
    return this.state.items.values();
  }

  itemCount(): number {
    return this.state.items.size;
  }

  collections(): readonly Collection[] {
    return this.state.collections;
  }

  settings(): LibrarySettings {
    return this.state.settings;
  }

  commit(ops: LibraryOp[]): Promise<void> {
    if (this.closed || this.closing) return Promise.reject(new FolioError('INTERNAL', `The library ${this.folder} is closed or closing; the change was not made.`));
    const problem = opsProblem(ops);
    if (problem) return Promise.reject(new FolioError('INVALID_ARGUMENT', `Invalid library change (${problem}); nothing was changed.`));
    if (ops.length === 0) return Promise.resolve();
    if (this.backupBeforeChange) {
      this.compactor.backupAtOpen(this.backupBeforeChange);
      this.backupBeforeChange = null;
    }
    const undos = ops.map((op) => this.state.apply(op));
    this.memSeq += 1;
    return this.pipeline.enqueue(ops, this.memSeq, () => {
      for (let i = undos.length - 1; i >= 0; i--) undos[i]?.();
    });
  }

  /** The newest commit whose change is still in memory: abandoned ones were undone and need no folding. */
  private keptSeq(): number {
    let seq = this.memSeq;
    for (;;) {
      const range = this.abandoned.find(([first, last]) => seq >= first && seq <= last);
      if (!range) return seq;
      seq = range[0] - 1;
    }
  }

  onWriteStatus(listener: (status: WriteStatus) => void): () => void {
    return this.health.subscribe(listener);
  }

  /** Folds everything committed so far into library.json, retrying failed writes for up to flushTimeoutMs. */
  flush(): Promise<void> {
    return this.fold(false);
  }

  /**
   * `journalled`: give up as soon as folding fails while every commit is already durable in the
   * journal. Closing then loses nothing (the next open replays the journal), and a read-only session
   * on a full disk can still end cleanly.
   */
  private async fold(journalled: boolean): Promise<void> {
    if (this.closed) return;
    const deadline = Date.now() + this.flushTimeoutMs;
    for (;;) {
      const target = this.keptSeq();
      if (this.compactor.foldedSeq >= target) return;
      let failure: unknown = null;
      try {
        await this.compactor.request();
      } catch (error) {
        // Reported through WriteHealth; keep trying until the deadline.
        failure = error;
      }
      if (this.compactor.foldedSeq >= this.keptSeq()) return;
      if (failure !== null && journalled && this.pipeline.allDurable()) throw new JournalledError(this.health.dataError() ?? String(failure));
      const left = deadline - Date.now();
      if (left <= 0) {
        const reason = this.health.dataError() ?? this.health.lastError() ?? 'the write kept failing';
        throw new FolioError('IO', `Could not save the library ${this.folder}: ${reason}`, { folder: this.folder });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.pollMs, left)));
    }
  }

  /** Flushes, stops background work and releases the lock. On failure the store stays open (and locked) so nothing is lost. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closing ??= this.finishClose().catch((error: unknown) => {
      this.closing = null;
      throw error;
    });
    return this.closing;
  }

  private async finishClose(): Promise<void> {
    let folded = true;
    try {
      await this.fold(true);
    } catch (error) {
      if (!(error instanceof JournalledError)) throw error;
      folded = false;
      this.warnings.push(
        `library.json could not be updated (${error.message.replace(/^Could not save library\.json: /, '').replace(/\. Your changes.*$/, '')}). ` +
          `Every change is safe in library.journal and is folded into library.json the next time the library is opened.`,
      );
    }
    this.pipeline.stop();
    await this.pipeline.whenIdle();
    await this.compactor.stop();
    if (this.deps.rowsCache && folded) await this.writeRowsCache();
    await this.lock.release();
    this.closed = true;
  }

  /** Still under the lock and after the last compaction, so the cache matches library.json exactly. A failure only costs the next open its head start. */
  private async writeRowsCache(): Promise<void> {
    const { fs, tuning, adapter } = this.deps;
    const meta = {
      journalSeq: this.compactor.foldedSeq,
      schemaVersion: this.state.schemaVersion,
      collections: this.state.collections,
      libraryFile: adapter.path,
      sliceMs: tuning.sliceMs,
    };
    await writeRowsCache(fs, this.folder, this.state.items.values(), meta).catch((error: unknown) => {
      console.error('library store: could not write rows-cache.json', error);
    });
  }

  /**
   * For openLibraryStore: background work that starts once the store exists. `backupOnFirstChange`: the backup of
   * library.json as it was read waits for the first commit (queued before that commit's write), so a session that
   * changes nothing copies nothing; a replayed journal is folded at once, so then it is taken at once.
   */
  start(options: { backupAtOpen: Promise<FileFingerprint | null> | null; replayed: number; backupOnFirstChange?: boolean }): void {
    if (options.backupAtOpen && options.backupOnFirstChange && options.replayed === 0) this.backupBeforeChange = options.backupAtOpen;
    else if (options.backupAtOpen) this.compactor.backupAtOpen(options.backupAtOpen);
    if (options.replayed > 0) this.compactor.afterAppend();
  }
}

/** Folding into library.json failed, but the journal holds every change. */
class JournalledError extends Error {}
