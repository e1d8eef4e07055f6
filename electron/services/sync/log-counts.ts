import { hlcDevice } from '../../../shared/sync/hlc.ts';
import { registerConflicts } from '../../../shared/sync/history.ts';
import { QUIET_FIELDS, registerKey, type SyncOp } from '../../../shared/sync/operations.ts';
import { TimeSlicer } from '../library-store/time-slicer.ts';
import type { LoggedOp } from './change-log.ts';

/**
 * What the sync status counts in the change log (this device's operations, the conflicts nobody settled), kept up
 * to date from the operations appended since the last count instead of counting the whole log every time. The log
 * only grows at its end; when compaction drops its oldest segments the counts start again (in time slices).
 */

/** The position of the first entry with an index at or above `index` (indexes rise along the log). */
export function firstAtOrAfter(log: readonly LoggedOp[], index: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((log[mid] as LoggedOp).index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LogCounts {
  private self = '';
  private firstIndex = -1;
  private scannedEnd = 0;
  private own = 0;
  /** The newest operation of this device still in the log (its HLC timestamp). */
  private lastOwn: string | null = null;
  private open = 0;
  private readonly registers = new Map<string, SyncOp[]>();
  private readonly openBy = new Map<string, number>();

  private chain: Promise<unknown> = Promise.resolve();

  /** Brings the counts up to the log's end (one count at a time). */
  update(log: readonly LoggedOp[], self: string): Promise<{ own: number; lastOwn: string | null; openConflicts: number }> {
    const run = this.chain.then(() => this.count(log, self));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async count(log: readonly LoggedOp[], self: string): Promise<{ own: number; lastOwn: string | null; openConflicts: number }> {
    const first = log[0]?.index ?? 0;
    if (first !== this.firstIndex || self !== this.self) {
      this.self = self;
      this.firstIndex = first;
      this.scannedEnd = first;
      this.own = 0;
      this.lastOwn = null;
      this.open = 0;
      this.registers.clear();
      this.openBy.clear();
    }
    const slicer = new TimeSlicer(8);
    const dirty = new Set<string>();
    for (let i = firstAtOrAfter(log, this.scannedEnd); i < log.length; i++) {
      if (slicer.due()) await slicer.yield();
      const { op, index } = log[i] as LoggedOp;
      this.scannedEnd = index + 1;
      if (hlcDevice(op.ts) === this.self) {
        this.own++;
        if (this.lastOwn === null || op.ts > this.lastOwn) this.lastOwn = op.ts;
      }
      if ((op.k !== 'set' && op.k !== 'elem') || QUIET_FIELDS.has(op.f ?? '')) continue;
      const key = registerKey(op);
      const list = this.registers.get(key);
      if (list) {
        list.push(op);
        dirty.add(key);
      } else this.registers.set(key, [op]);
    }
    for (const key of dirty) {
      if (slicer.due()) await slicer.yield();
      let count = 0;
      for (const c of registerConflicts(this.registers.get(key) ?? []).values()) if (c.open) count++;
      this.open += count - (this.openBy.get(key) ?? 0);
      if (count > 0) this.openBy.set(key, count);
      else this.openBy.delete(key);
    }
    return { own: this.own, lastOwn: this.lastOwn, openConflicts: this.open };
  }
}

/** This device's operations from change-log index `from` on (the tail of the log, found without a full scan). */
export function ownFrom(log: readonly LoggedOp[], from: number, self: string): LoggedOp[] {
  const out: LoggedOp[] = [];
  for (let i = firstAtOrAfter(log, from); i < log.length; i++) {
    const entry = log[i] as LoggedOp;
    if (hlcDevice(entry.op.ts) === self) out.push(entry);
  }
  return out;
}
