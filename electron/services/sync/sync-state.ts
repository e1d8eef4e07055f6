import { join } from 'node:path';
import type { KeyRename, SyncProblem } from '../../../shared/api/sync-types.ts';
import { readJsonFile, writeJsonFile } from './changes-files.ts';
import type { Cursors } from './folder-logs.ts';
import { emptyOwnFiles, type OwnFiles } from './folder-publish.ts';

/** `<library>/changes/sync.json`: which folder this library syncs with and how far it has read and written. */

export interface SyncStateFile {
  folder: string | null;
  cursors: Cursors;
  /** Change-log index below which this device's operations are in the sync folder. */
  publishedThrough: number;
  own: OwnFiles;
  /** Change-log index the newest snapshot in the sync folder covers. */
  snapshotThrough: number;
  /** What that snapshot holds of every log file (pruning needs it). */
  snapshotCovers?: Cursors;
  lastExchangeAt: string | null;
  /** Set after the first exchange: only a library that never read the folder starts from a snapshot. */
  joined?: boolean;
  keyRenames: KeyRename[];
  problems: SyncProblem[];
  devices: Record<string, { name: string; operations: number; lastChangeAt: string | null }>;
  /** Every device name seen, kept when the library moves to another folder or joins again (history shows them). */
  names?: Record<string, string>;
}

const BOUND = 100;

export function emptySyncState(folder: string | null): SyncStateFile {
  return { folder, cursors: {}, publishedThrough: 0, own: emptyOwnFiles(), snapshotThrough: 0, lastExchangeAt: null, keyRenames: [], problems: [], devices: {} };
}

const isState = (v: unknown): v is SyncStateFile => typeof v === 'object' && v !== null && 'cursors' in v && 'own' in v && 'publishedThrough' in v;

export async function readSyncState(dir: string): Promise<SyncStateFile> {
  return (await readJsonFile(join(dir, 'sync.json'), isState)) ?? emptySyncState(null);
}

export async function writeSyncState(dir: string, state: SyncStateFile): Promise<void> {
  await writeJsonFile(join(dir, 'sync.json'), {
    ...state,
    keyRenames: state.keyRenames.slice(0, BOUND),
    problems: state.problems.slice(0, BOUND),
  });
}
