import type { ItemId } from '../model/ids.ts';

/** Types of the `sync` and `history` groups (docs/sync.md). */

/** A JSON value as it crosses the bridge: an old or new field value in the history. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A device (a person's computer, or a lab member) that writes to the sync folder. */
export interface SyncDevice {
  deviceId: string;
  /** From `<sync>/devices/<id>/device.json`; the id when the file is missing. */
  name: string;
  /** This device. */
  self: boolean;
  /** Operations of this device folded into this library. */
  operations: number;
  /** Time (ISO) of the newest operation seen from it, or null. */
  lastChangeAt: string | null;
}

/** A record of another device that was rejected (malformed, hostile, too large): named so the user can act. */
export interface SyncProblem {
  deviceId: string;
  /** Path relative to the sync folder. */
  file: string;
  /** 1-based line in that file, or null for a whole-file problem. */
  line: number | null;
  message: string;
}

/** An item whose citation key sync changed because another device's item, created first, holds it. */
export interface KeyRename {
  itemId: ItemId;
  from: string;
  to: string;
  /** The item that keeps the key. */
  keptBy: ItemId;
  at: string;
}

export interface SyncStatus {
  /** The sync folder this library is joined to, or null when sync is off. */
  folder: string | null;
  deviceId: string;
  deviceName: string;
  /** 'off': no folder; 'syncing': an exchange runs; 'error': the last exchange failed (lastError). */
  state: 'off' | 'idle' | 'syncing' | 'error';
  /** Time (ISO) of the last completed exchange, or null. */
  lastExchangeAt: string | null;
  /** Every device seen in the folder, this one included. */
  devices: SyncDevice[];
  lastError: string | null;
  /** Rejected records from the last exchanges (newest first, bounded). */
  problems: SyncProblem[];
  /** Local operations not yet written to the sync folder. */
  pendingSend: number;
  /** Same-field conflicts in the history not yet reviewed. */
  openConflicts: number;
  /** Key renames made by sync (newest first, bounded). */
  keyRenames: KeyRename[];
}

/** What one exchange did: `folio sync` prints "sent N, received M, conflicts K, devices D". */
export interface SyncExchangeResult {
  sent: number;
  received: number;
  /** Same-field conflicts among the received operations. */
  conflicts: number;
  /** Devices in the folder, this one included. */
  devices: number;
  keyRenames: KeyRename[];
  problems: SyncProblem[];
}

/** The other value of a same-field conflict: the one that lost the merge, or the one that won it. */
export interface HistoryConflict {
  /** 'open' until the user chose (history.chooseConflict) or edited the field again. */
  state: 'open' | 'resolved';
  /** The value that did not win. */
  otherValue: JsonValue;
  otherText: string;
  /** The history entry of that other value (this entry is the one that won). */
  otherEntryId: string;
  otherDeviceName: string;
}

export interface HistoryEntry {
  /** Stable id of the change (its operation's timestamp). */
  id: string;
  itemId: ItemId;
  /** ISO time of the change (the device's clock, corrected for skew by the hybrid clock). */
  time: string;
  deviceId: string;
  deviceName: string;
  /** 'create', 'trash', 'restore', 'purge', 'key-renamed', or a field: 'title', 'tags', 'csl.issued', 'annotations', ... */
  field: string;
  oldValue: JsonValue;
  newValue: JsonValue;
  /** Short text of the values for display ("Attention Is All You Need", "+ml −nlp"). */
  oldText: string;
  newText: string;
  /** Set on the winning entry of a same-field conflict. */
  conflict: HistoryConflict | null;
  /** True when this entry was made by undo, redo or a revert. */
  undo: boolean;
  /** Whether history.revert can apply this entry's old value. */
  revertible: boolean;
}

/** Undo and redo of this library's own changes; kept on disk, so it survives a restart. */
export interface UndoStatus {
  canUndo: boolean;
  canRedo: boolean;
  /** "Remove tag ml from 1,204 items", or null. */
  undoLabel: string | null;
  redoLabel: string | null;
  undoDepth: number;
  redoDepth: number;
}

/** What one undo, redo or revert did. */
export interface UndoResult {
  /** Changes undone or redone (0 when there was nothing to do). */
  steps: number;
  /** Items that changed. */
  itemIds: ItemId[];
  status: UndoStatus;
}

export type ConflictChoice = 'kept' | 'other';
