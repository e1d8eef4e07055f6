import type { SyncStatus } from '../../../../shared/api/sync-types.ts';

export type SyncTone = 'ok' | 'busy' | 'warning' | 'error';

/** The status bar's words for the sync state, "Synced {ago} · 3 devices", without the live time. */
export interface SyncSummary {
  tone: SyncTone;
  /** Before the time: "Synced" (then the time), or the whole message when `timed` is false. */
  text: string;
  /** Whether the relative time of the last exchange follows `text`. */
  timed: boolean;
  /** After the time: " · 3 devices · 1 conflict". */
  details: string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Null when sync is off: the status bar then says nothing about it. */
export function syncSummary(status: SyncStatus | null): SyncSummary | null {
  if (!status || status.state === 'off' || status.folder === null) return null;
  const details: string[] = [plural(status.devices.length, 'device')];
  if (status.openConflicts > 0) details.push(plural(status.openConflicts, 'conflict'));
  if (status.problems.length > 0) details.push(plural(status.problems.length, 'record', 'records') + ' rejected');
  if (status.state === 'error') return { tone: 'error', text: `Sync failed: ${status.lastError ?? 'unknown error'}`, timed: false, details: [] };
  const attention = status.problems.length > 0 || status.openConflicts > 0;
  // Continuous sync exchanges every few seconds: the line keeps its words then, and only its icon says so
  // (unless something waits for the user: that stays in view).
  if (status.state === 'syncing') {
    if (status.lastExchangeAt === null) return { tone: 'busy', text: 'Syncing…', timed: false, details };
    return { tone: attention ? 'warning' : 'busy', text: 'Synced', timed: true, details };
  }
  const tone: SyncTone = attention ? 'warning' : 'ok';
  if (status.lastExchangeAt === null) return { tone, text: 'Sync waiting for the first exchange', timed: false, details };
  return { tone, text: 'Synced', timed: true, details };
}
