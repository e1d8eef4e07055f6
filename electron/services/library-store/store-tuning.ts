import { DEFAULT_RETRY_DELAYS_MS } from './write-health.ts';

/** The knobs of the disk store. Defaults follow DESIGN.md's budgets; tests shrink them. */
export interface StoreTuning {
  /** Fold the journal into library.json when it grows past this many bytes. */
  compactJournalBytes: number;
  /** ... or holds this many unfolded ops. */
  compactJournalOps: number;
  /** ... or this long after the last change. */
  quietCompactMs: number;
  /** At most one backup per this interval after compactions. */
  backupIntervalMs: number;
  backupsKept: number;
  retryDelaysMs: readonly number[];
  /** How long flush() and close() keep retrying a failing write before they reject. */
  flushTimeoutMs: number;
  /** Longest stretch of serialisation work before yielding to the event loop. */
  sliceMs: number;
  /** A commit putting at least this many items is written as a new library.json instead of a journal record. */
  wholeWriteItems: number;
}

export const DEFAULT_TUNING: StoreTuning = {
  compactJournalBytes: 8 * 1024 * 1024,
  compactJournalOps: 5_000,
  quietCompactMs: 20_000,
  backupIntervalMs: 10 * 60_000,
  backupsKept: 10,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
  flushTimeoutMs: 15_000,
  sliceMs: 5,
  // About 8 MB of journal (compactJournalBytes) at ~2 KB an item: such a record would be compacted at once.
  wholeWriteItems: 4_000,
};
