import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncOp } from '../../../shared/sync/operations.ts';
import { readJsonFile, writeJsonFile } from './changes-files.ts';
import type { Touched } from './store-fold.ts';

/**
 * `<library>/changes/fold-pending.json`: what an exchange has put in the change log but not yet into the library.
 * Written (atomically, fsynced) before the incoming operations are logged and removed once the library holds them.
 * If the process dies in between, the next load finds it: those entities are not "caught up" from the library's
 * older values (which would be stamped as new edits and beat the incoming ones on every device), and the next
 * exchange folds them into the library from the replica.
 */

const NAME = 'fold-pending.json';

export interface PendingFold {
  items: string[];
  collections: boolean;
  settings: boolean;
}

const isPending = (v: unknown): v is PendingFold => {
  const p = v as PendingFold;
  return typeof p === 'object' && p !== null && Array.isArray(p.items) && p.items.every((i) => typeof i === 'string')
    && typeof p.collections === 'boolean' && typeof p.settings === 'boolean';
};

export function readFoldPending(dir: string): Promise<PendingFold | null> {
  return readJsonFile(join(dir, NAME), isPending);
}

/** The entities `ops` touch, joined with what was already pending. */
export function pendingOf(ops: readonly SyncOp[], earlier: PendingFold | null): PendingFold {
  const items = new Set(earlier?.items ?? []);
  let collections = earlier?.collections ?? false;
  let settings = earlier?.settings ?? false;
  for (const op of ops) {
    if (op.e === 'item') items.add(op.id);
    else if (op.e === 'coll') collections = true;
    else settings = true;
  }
  return { items: [...items], collections, settings };
}

export function writeFoldPending(dir: string, pending: PendingFold): Promise<void> {
  return writeJsonFile(join(dir, NAME), pending);
}

export async function clearFoldPending(dir: string): Promise<void> {
  await rm(join(dir, NAME), { force: true });
}

/** Adds what a pending fold left for the library to `touched`. */
export function addPending(touched: Touched & { items: Set<string> }, pending: PendingFold): void {
  for (const id of pending.items) touched.items.add(id);
  touched.collections ||= pending.collections;
  touched.settings ||= pending.settings;
}
