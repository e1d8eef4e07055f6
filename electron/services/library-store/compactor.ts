import { basename } from 'node:path';
import type { Low } from 'lowdb';
import type { LibraryDoc } from '../../../shared/model/library-doc.ts';
import type { BackupFile, BackupShelf } from './backups.ts';
import type { CommitPipeline } from './commit-pipeline.ts';
import type { JournalWriter } from './journal.ts';
import type { FileFingerprint, LibraryFileAdapter } from './library-file.ts';
import type { LibraryState } from './library-state.ts';
import { moveAside } from './stamped-names.ts';
import type { StoreFs } from './store-fs.ts';
import type { StoreTuning } from './store-tuning.ts';
import { Backoff, describeFoldFailure, describeWriteError, isRetryableWriteError, type WriteHealth } from './write-health.ts';

export interface CompactorDeps {
  fs: StoreFs;
  state: LibraryState;
  low: Low<LibraryDoc>;
  adapter: LibraryFileAdapter;
  journal: JournalWriter;
  pipeline: CommitPipeline;
  backups: BackupShelf;
  health: WriteHealth;
  tuning: StoreTuning;
  now: () => Date;
  warnings: string[];
  /** The journal seq folded into library.json as it is on disk. */
  foldedSeq: number;
  /** The seq of the last change applied in memory. */
  memSeq: () => number;
  lastBackupAt: Date | null;
}

/**
 * Folds the journal into library.json: snapshot the state (items are immutable,
 * so an array of references is enough), stream it out in time slices, write it
 * atomically, then trim the journal. Also owns the backups, since both run one
 * at a time in the same maintenance queue.
 */
export class Compactor {
  private readonly deps: CompactorDeps;
  private readonly backoff: Backoff;
  private maintenance: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private quietTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly verifying = new Set<Promise<void>>();
  private backupOwed = false;
  private stopped = false;
  foldedSeq: number;

  constructor(deps: CompactorDeps) {
    this.deps = deps;
    this.foldedSeq = deps.foldedSeq;
    this.backoff = new Backoff(deps.tuning.retryDelaysMs);
  }

  /** Runs a compaction after those already queued; joins one that is queued but not started. */
  request(): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.maintenance.then(() => {
      this.queued = null;
      return this.compactOnce();
    });
    this.queued = run;
    this.maintenance = run.catch(() => undefined);
    return run;
  }

  /** After each journal append: compact now if the journal is big, else once changes have been quiet a while. */
  afterAppend(): void {
    if (this.stopped) return;
    const { journal, tuning } = this.deps;
    if (journal.size >= tuning.compactJournalBytes || journal.opsAfter(this.foldedSeq) >= tuning.compactJournalOps) {
      this.request().catch(() => undefined);
      return;
    }
    this.armQuietTimer();
  }

  armQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      this.request().catch(() => undefined);
    }, this.deps.tuning.quietCompactMs);
    this.quietTimer.unref();
  }

  /** Backs up library.json as it was read at open, unless the newest backup already holds these bytes. */
  backupAtOpen(fingerprint: Promise<FileFingerprint | null>): void {
    this.enqueue(async () => {
      const known = await fingerprint;
      if (known && (await this.deps.backups.newestMatches(known))) return;
      await this.backup();
    });
  }

  /** Stops timers and waits for running work. Call after the last compaction. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.maintenance;
    await Promise.allSettled([...this.verifying]);
  }

  private enqueue(task: () => Promise<void>): void {
    this.maintenance = this.maintenance.then(task).catch((error: unknown) => console.error('library store: background task failed', error));
  }

  private async compactOnce(): Promise<void> {
    const { state, low, adapter, journal, pipeline, health } = this.deps;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    const seq = this.deps.memSeq();
    if (seq <= this.foldedSeq) {
      // Nothing new, but a crash after the last library.json write may have left folded records in the journal.
      if (journal.hasRecordsThrough(this.foldedSeq)) await this.trimJournal();
      return;
    }
    pipeline.seal();
    const doc: LibraryDoc = {
      schemaVersion: state.schemaVersion,
      journalSeq: seq,
      settings: state.settings,
      collections: [...state.collections],
      items: [...state.items.values()],
    };
    try {
      if (await adapter.changedOnDisk()) await this.keepExternalEdit();
      low.data = doc;
      await low.write();
    } catch (error) {
      // The journal still holds every change; a failure retrying cannot fix is reported once, not retried on a timer.
      if (isRetryableWriteError(error)) {
        health.fail('library', describeWriteError('library.json', error));
        this.scheduleRetry();
      } else {
        health.fail('library', describeFoldFailure(error));
      }
      throw error;
    }
    this.foldedSeq = seq;
    state.journalSeq = seq;
    this.backoff.reset();
    health.succeed('library');
    pipeline.settleThrough(seq);
    await this.trimJournal();
    if (this.backupOwed || this.backupDue()) await this.backup();
  }

  /** Folded records are skipped on replay anyway, so a failed trim costs only disk space: retried next time. */
  private async trimJournal(): Promise<void> {
    try {
      await this.deps.journal.dropThrough(this.foldedSeq);
    } catch (error) {
      console.error('library store: could not trim library.journal', error);
    }
  }

  private async keepExternalEdit(): Promise<void> {
    const aside = await moveAside(this.deps.fs, this.deps.adapter.path, 'external', this.deps.now());
    const message =
      `library.json was changed outside Folio while the library was open. ` +
      `That version was kept as ${basename(aside)}, and Folio saved its own state to library.json.`;
    this.deps.warnings.push(message);
    this.deps.health.emit({ ok: true, message, warning: true });
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.request().catch(() => undefined);
    }, this.backoff.next());
    // The journal holds these changes meanwhile, so the retry need not keep the process alive.
    this.retryTimer.unref();
  }

  private backupDue(): boolean {
    const last = this.deps.lastBackupAt;
    return last === null || this.deps.now().getTime() - last.getTime() >= this.deps.tuning.backupIntervalMs;
  }

  /** Copies library.json now (inside the maintenance queue, so the file cannot change under the copy) and verifies it in the background. */
  private async backup(): Promise<void> {
    const { backups, health, now } = this.deps;
    let file: BackupFile;
    let source: FileFingerprint | null;
    try {
      // Inside the maintenance queue: library.json is the version last written or read, unless edited from outside.
      source = await this.deps.adapter.fingerprint();
      file = await backups.copyIn(this.deps.adapter.path, now());
    } catch (error) {
      this.backupOwed = true;
      health.fail('backup', describeWriteError('a backup of library.json', error));
      return;
    }
    this.deps.lastBackupAt = file.takenAt;
    const verification = backups
      .verifyOrDiscard(file, source)
      .then(async () => {
        this.backupOwed = false;
        health.succeed('backup');
        await backups.prune();
      })
      .catch((error: unknown) => {
        this.backupOwed = true;
        health.fail('backup', error instanceof Error ? error.message : String(error));
      });
    this.verifying.add(verification);
    void verification.finally(() => this.verifying.delete(verification));
  }
}
