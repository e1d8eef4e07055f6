import { FolioError } from '../../shared/api/api-error.ts';
import type { EventHub } from './event-hub.ts';

/** Progress is reported at most this often, so a 50k-record import sends a few dozen events, not 50k. */
const PROGRESS_INTERVAL_MS = 100;

export interface ImportJob {
  readonly signal: AbortSignal;
  /** Reports `done` of `total`; throws when the job was cancelled. */
  progress(done: number, total: number, label: string): void;
  /** Like progress, but never throws: for the report after the commit. */
  report(done: number, total: number, label: string): void;
  throwIfCancelled(): void;
  finish(): void;
}

/** Running imports by job id, so a window can cancel one and see its progress. */
export class ImportJobs {
  private readonly running = new Map<string, AbortController>();
  private readonly hub: EventHub;

  constructor(hub: EventHub) {
    this.hub = hub;
  }

  start(jobId: string | undefined): ImportJob {
    const controller = new AbortController();
    if (jobId) {
      if (this.running.has(jobId)) throw new FolioError('CONFLICT', `An import with job id ${jobId} is already running`);
      this.running.set(jobId, controller);
    }
    let last = 0;
    const throwIfCancelled = () => {
      if (controller.signal.aborted) throw new FolioError('CONFLICT', 'Import cancelled; the library is unchanged', { cancelled: true });
    };
    const report = (done: number, total: number, label: string) => {
      const now = Date.now();
      if (!jobId || (now - last < PROGRESS_INTERVAL_MS && done < total)) return;
      last = now;
      this.hub.emit('onStatus', { kind: 'import-progress', message: `${label}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`, progress: total === 0 ? 1 : done / total });
    };
    return {
      signal: controller.signal,
      throwIfCancelled,
      report,
      progress: (done, total, label) => {
        throwIfCancelled();
        report(done, total, label);
      },
      finish: () => {
        if (jobId && this.running.get(jobId) === controller) this.running.delete(jobId);
      },
    };
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}

/** Gives the event loop a turn, so a cancel request (or another window's call) can arrive mid-import. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
