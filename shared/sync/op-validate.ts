import { hlcDevice, isHlc } from './hlc.ts';
import { isElementField, ITEM_SCALAR_FIELDS, SHARED_SETTINGS, SHARED_TARGET_EXTENSIONS, SHARED_TARGETS, type SyncOp } from './operations.ts';

/**
 * Checks one record of another device's log before it is trusted. A record from the sync folder may be damaged or
 * hostile: a wrong shape, prototype keys, an absurd size, a path that leaves a folder, another device's name.
 */

/** The longest line of a log; a longer one is rejected unread. */
export const MAX_OP_LINE = 16 * 1024 * 1024;
const MAX_TEXT = 4 * 1024 * 1024;
const MAX_DEPTH = 32;
const ID = /^[A-Za-z0-9_.:-]{1,200}$/;
const CSL_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
const KINDS = new Set(['create', 'set', 'elem', 'delete']);
const VIAS = new Set(['undo', 'redo', 'revert', 'resolve']);

/** A key can only spell one of FORBIDDEN_KEYS literally or through a \u escape. */
const MAY_HOLD_FORBIDDEN = /__proto__|prototype|constructor|\\u/;

/** JSON.parse that refuses prototype keys instead of quietly dropping or honouring them. */
export function parseJsonStrict(text: string): unknown {
  // The reviver is slow (a call per value): only a text that could hold such a key goes through it.
  if (!MAY_HOLD_FORBIDDEN.test(text)) return JSON.parse(text) as unknown;
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new Error(`forbidden key "${key}"`);
    return value;
  });
}

function valueProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH) return 'a value nested too deep';
  if (typeof value === 'string') return value.length > MAX_TEXT ? `a text of ${value.length} characters (at most ${MAX_TEXT})` : null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number that is not finite';
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const p = valueProblem(v, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (typeof value === 'object') {
    for (const v of Object.values(value as Record<string, unknown>)) {
      const p = valueProblem(v, depth + 1);
      if (p) return p;
    }
    return null;
  }
  return 'a value that is not JSON';
}

/** A library-relative file path: no absolute path, no `..`, no backslash, no drive letter. */
export function isSafeRelativePath(path: unknown): boolean {
  if (typeof path !== 'string' || path.length === 0 || path.length > 1000) return false;
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function attachmentProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'an attachment that is not an object';
  const a = value as Record<string, unknown>;
  if (!isSafeRelativePath(a.path)) return `an attachment path outside the library (${JSON.stringify(a.path)?.slice(0, 80)})`;
  if (typeof a.fileName !== 'string' || a.fileName.includes('/') || a.fileName.includes('\\') || a.fileName === '..') return 'an attachment file name with a path in it';
  if (typeof a.sha256 !== 'string' || !SHA256.test(a.sha256)) return 'an attachment without a sha256';
  return null;
}

const TARGET_FORMATS = new Set(['bibtex', 'biblatex', 'csl-json', 'ris']);

/** A shared auto-export target names a file this device will write: an absolute path to a bibliography file. */
function sharedTargetProblem(key: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'a shared auto-export that is not an object';
  const t = value as Record<string, unknown>;
  if (t.id !== key || t.shared !== true) return 'a shared auto-export whose id or flag does not match';
  if (typeof t.format !== 'string' || !TARGET_FORMATS.has(t.format)) return 'a shared auto-export of an unknown format';
  const path = t.path;
  if (typeof path !== 'string' || path.length > 4096 || path.includes('\0') || !/^(\/|[A-Za-z]:[\\/])/.test(path)) return 'a shared auto-export without an absolute path';
  if (path.split(/[\\/]/).some((part) => part === '..')) return 'a shared auto-export path with ".." in it';
  const lower = path.toLowerCase();
  if (!SHARED_TARGET_EXTENSIONS.some((ext) => lower.endsWith(ext))) return `a shared auto-export to a file that is not a bibliography (${SHARED_TARGET_EXTENSIONS.join(', ')})`;
  if (t.collectionId !== null && typeof t.collectionId !== 'string') return 'a shared auto-export with a malformed collection';
  if (t.savedSearch !== undefined && t.savedSearch !== null && typeof t.savedSearch !== 'string') return 'a shared auto-export with a malformed saved search';
  return null;
}

function fieldProblem(op: SyncOp): string | null {
  const f = op.f;
  if (typeof f !== 'string') return 'no field';
  if (op.e === 'item') {
    if (op.k === 'elem') {
      if (!isElementField(f)) return `"${f}" is not a set-like item field`;
      if (typeof op.key !== 'string' || op.key.length === 0 || op.key.length > 1000) return 'an element without a key';
      if (f === 'attachments') return attachmentProblem(op.v);
      return null;
    }
    if (f.startsWith('csl.')) return CSL_NAME.test(f.slice(4)) ? null : `"${f.slice(0, 100)}" is not a CSL variable`;
    return (ITEM_SCALAR_FIELDS as readonly string[]).includes(f) ? null : `"${f.slice(0, 100)}" is not an item field`;
  }
  if (op.e === 'coll') return f === 'name' || f === 'parentId' || f === 'createdAt' ? null : `"${f.slice(0, 100)}" is not a collection field`;
  if (op.k === 'elem') {
    if (f !== SHARED_TARGETS) return `"${f.slice(0, 100)}" is not a set-like setting`;
    if (typeof op.key !== 'string' || !ID.test(op.key)) return 'a shared auto-export without an id';
    return sharedTargetProblem(op.key, op.v);
  }
  return (SHARED_SETTINGS as readonly string[]).includes(f) ? null : `"${f.slice(0, 100)}" is not a shared setting`;
}

/**
 * Null when `record` is a well-formed operation written by `deviceId` (null: any device, as in a snapshot, which
 * holds the merged registers of every device); otherwise why not.
 */
export function operationProblem(record: unknown, deviceId: string | null): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not an operation object';
  const op = record as SyncOp;
  if (!isHlc(op.ts)) return 'no valid timestamp';
  if (deviceId !== null && hlcDevice(op.ts) !== deviceId) return `an operation of device ${hlcDevice(op.ts)} in the folder of ${deviceId}`;
  if (!isHlc(op.chg) || hlcDevice(op.chg) !== hlcDevice(op.ts)) return 'no valid change id';
  if (op.e !== 'item' && op.e !== 'coll' && op.e !== 'settings') return 'an unknown entity kind';
  if (typeof op.id !== 'string' || !ID.test(op.id) || op.id.includes('..')) return 'an unsafe or missing id';
  if (!KINDS.has(op.k)) return 'an unknown operation kind';
  if (op.prev !== undefined && (!Array.isArray(op.prev) || op.prev.length > 64 || !op.prev.every(isHlc))) return 'a malformed prev list';
  if (op.i !== undefined && (!Number.isInteger(op.i) || op.i < 0 || op.i > 1_000_000)) return 'a malformed element position';
  if (op.via !== undefined && (!VIAS.has(op.via) || typeof op.of !== 'string' || op.of.length > 200)) return 'a malformed undo marker';
  const size = valueProblem(op.v, 0) ?? valueProblem(op.old, 0);
  if (size) return `it holds ${size}`;
  if (op.k === 'set' || op.k === 'elem') return fieldProblem(op);
  if (op.k === 'create') {
    if (op.e === 'settings') return 'settings are never created';
    if (typeof op.v !== 'object' || op.v === null || Array.isArray(op.v)) return 'a create without a value';
    if (op.e === 'item') {
      const attachments = (op.v as Record<string, unknown>).attachments;
      if (attachments !== undefined && !Array.isArray(attachments)) return 'attachments that are not a list';
      for (const a of (attachments as unknown[] | undefined) ?? []) {
        const p = attachmentProblem(a);
        if (p) return p;
      }
    }
  }
  return null;
}
