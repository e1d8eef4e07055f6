import { z } from 'zod';
import { itemIdSchema, MAX_ID } from './api-primitives.ts';

/** Argument schemas of the `sync` and `history` groups. */

const folder = z.string().min(1).max(4_096);
const deviceName = z.string().min(1).max(100);
const entryId = z.string().min(1).max(MAX_ID);
const steps = z.number().int().min(1).max(1_000);

export const SYNC_ARG_SCHEMAS = {
  'sync.status': z.tuple([]),
  'sync.configure': z.tuple([folder.nullable(), deviceName.nullable()]),
  'sync.syncNow': z.tuple([]),
} as const;

export const HISTORY_ARG_SCHEMAS = {
  'history.forItem': z.tuple([itemIdSchema]),
  'history.revert': z.tuple([entryId]),
  'history.chooseConflict': z.tuple([entryId, z.enum(['kept', 'other'])]),
  'history.undo': z.tuple([steps]),
  'history.redo': z.tuple([steps]),
  'history.undoStatus': z.tuple([]),
} as const;
