import { FolioError } from '../../../shared/api/api-error.ts';
import type { JournalWriter } from './journal.ts';
import type { LibraryOp } from './library-store.ts';
import { Backoff, describeUnsavedChange, describeWriteError, isRetryableWriteError, type WriteHealth } from './write-health.ts';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Batch {
  /** The in-memory sequence number of this batch's first commit. */
  firstSeq: number;
  /** The in-memory sequence number after this batch's last op: the record's seq. */
  seq: number;
  ops: LibraryOp[];
  waiters: Waiter[];
  /** Undoes each commit's in-memory change, in commit order. */
  undos: Array<() => void>;
  /** Writing library.json whole failed once: this batch goes through the journal and its retries. */
  viaJournal?: boolean;
}

export interface CommitPipelineDeps {
  journal: JournalWriter;
  health: WriteHealth;
  retryDelaysMs: readonly number[];
  onWritten: () => void;
  /** Give up on every failed write, not only on those retrying cannot fix (the CLI: fail now, say why). */
  failFast: boolean;
  /** A batch that was given up: its changes were undone in memory, commits `firstSeq`..`seq`. */
  onAbandoned: (firstSeq: number, seq: number) => void;
  /**
   * A batch that puts at least this many items is not journalled: `writeWhole` writes the whole
   * library (which holds it in memory) as a new library.json, atomically. Such a record would
   * set off a compaction at once anyway, so this saves writing it twice.
   */
  wholeWriteItems: number;
  /** Folds everything in memory into library.json; resolves once it is durable. */
  writeWhole: () => Promise<void>;
}

/**
 * Group commit: ops committed in the same tick, or while a journal write is in
 * flight, go to disk as one journal record. A failed append is retried with
 * backoff; the commit promises resolve once their record is durable, or once
 * compaction has folded their changes into library.json.
 */
export class CommitPipeline {
  private readonly journal: JournalWriter;
  private readonly health: WriteHealth;
  private readonly backoff: Backoff;
  private readonly onWritten: () => void;
  private readonly failFast: boolean;
  private readonly onAbandoned: (firstSeq: number, seq: number) => void;
  private readonly wholeWriteItems: number;
  private readonly writeWhole: () => Promise<void>;
  private pending: Batch | null = null;
  private queue: Batch[] = [];
  private inFlight: Batch | null = null;
  private pumping = false;
  private scheduled = false;
  private stopped = false;
  private sleeper: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(deps: CommitPipelineDeps) {
    this.journal = deps.journal;
    this.health = deps.health;
    this.backoff = new Backoff(deps.retryDelaysMs);
    this.onWritten = deps.onWritten;
    this.failFast = deps.failFast;
    this.onAbandoned = deps.onAbandoned;
    this.wholeWriteItems = deps.wholeWriteItems;
    this.writeWhole = deps.writeWhole;
  }

  private writesWhole(batch: Batch): boolean {
    if (batch.viaJournal) return false;
    let items = 0;
    for (const op of batch.ops) if (op.op === 'putItems') items += op.items.length;
    return items >= this.wholeWriteItems;
  }

  /** Called after the ops were applied in memory as change number `seq`; `undo` reverts them if the write is given up. */
  enqueue(ops: LibraryOp[], seq: number, undo: () => void): Promise<void> {
    const batch = (this.pending ??= { firstSeq: seq, seq, ops: [], waiters: [], undos: [] });
    batch.ops.push(...ops);
    batch.seq = seq;
    batch.undos.push(undo);
    const durable = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    if (!this.scheduled && !this.pumping) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.pump();
      });
    }
    return durable;
  }

  /** Closes the open batch, so no record mixes changes before and after a compaction snapshot. */
  seal(): void {
    if (this.pending) this.queue.push(this.pending);
    this.pending = null;
  }

  /** Changes up to `seq` are durable in library.json: their commits need not wait for the journal any more. */
  settleThrough(seq: number): void {
    const folded = this.queue.filter((batch) => batch.seq <= seq && batch !== this.inFlight);
    if (folded.length === 0) return;
    this.queue = this.queue.filter((batch) => !folded.includes(batch));
    for (const batch of folded) settle(batch);
    if (this.queue.length === 0) this.sleeper?.wake();
  }

  /** True when every commit so far is durable (in the journal or in library.json). */
  allDurable(): boolean {
    return this.pending === null && this.queue.length === 0 && this.inFlight === null;
  }

  whenIdle(): Promise<void> {
    if (!this.pumping && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Ends the retry loop; used by close after everything is folded into library.json. */
  stop(): void {
    this.stopped = true;
    this.sleeper?.wake();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.stopped) {
        if (this.queue.length === 0) this.seal();
        const batch = this.queue[0];
        if (!batch) break;
        this.inFlight = batch;
        const whole = this.writesWhole(batch);
        try {
          if (whole) await this.writeWhole();
          else await this.journal.append(batch.seq, batch.ops);
        } catch (error) {
          this.inFlight = null;
          if (whole && !this.failFast) {
            batch.viaJournal = true;
            continue;
          }
          if (this.failFast || !isRetryableWriteError(error)) {
            this.abandon(batch, error, whole ? 'library.json' : 'library.journal');
            continue;
          }
          this.health.fail('journal', describeWriteError('library.journal', error));
          await this.sleep(this.backoff.next());
          continue;
        }
        this.inFlight = null;
        this.backoff.reset();
        this.health.succeed('journal');
        if (this.queue[0] === batch) this.queue.shift();
        settle(batch);
        this.onWritten();
      }
    } finally {
      this.pumping = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** A write that retrying cannot fix (or that the CLI will not wait for): undo it in memory and fail its commits with the reason. */
  private abandon(batch: Batch, error: unknown, file: string): void {
    if (this.queue[0] === batch) this.queue.shift();
    for (let i = batch.undos.length - 1; i >= 0; i--) batch.undos[i]?.();
    this.onAbandoned(batch.firstSeq, batch.seq);
    const message = describeUnsavedChange(file, error);
    this.health.fail('journal', message);
    const failure = new FolioError('IO', message);
    const waiters = batch.waiters;
    batch.waiters = [];
    for (const waiter of waiters) waiter.reject(failure);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleeper = null;
        resolve();
      };
      // Unref'd: a CLI that gave up (close() rejected) must still be able to exit.
      const timer = setTimeout(wake, ms).unref();
      this.sleeper = { timer, wake };
    });
  }
}

function settle(batch: Batch): void {
  const waiters = batch.waiters;
  batch.waiters = [];
  for (const waiter of waiters) waiter.resolve();
}
