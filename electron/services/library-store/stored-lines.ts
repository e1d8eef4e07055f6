import { Buffer } from 'node:buffer';
import type { Item } from '../../../shared/model/item.ts';
import { canonicalJson } from './canonical-json.ts';
import { isItemShaped } from './item-check.ts';
import { toStoredItem } from './stored-item.ts';

/**
 * An item's line in library.json: its stored form (stored-item.ts) as canonical JSON.
 *
 * The change log writes a created item as this same line (docs/sync.md). So a new item's line is made once, as
 * UTF-8, by whichever of the two writes comes first (library.json for a large import, the log for a small edit),
 * and the other copies the bytes: an import serialises and encodes each item once, not twice.
 * Lines are kept per item object: an item is immutable, so its line never goes stale, and an edited item is a new
 * object. A line is dropped once both files have it, and each write of library.json drops what it did not use
 * (an item replaced before it was written), so no line outlives the two writes it serves.
 */
interface KeptLine {
  bytes: Buffer | null;
  forLog: boolean;
  forFile: boolean;
}

let kept = new WeakMap<object, KeptLine>();
/** The lines of the library.json writes under way: the log may still want some of them. */
const beingWritten = new Set<WeakMap<object, KeptLine>>();

export function storedItemLine(item: Item): string {
  return canonicalJson(toStoredItem(item));
}

const lineBytes = (line: KeptLine, item: Item): Buffer => (line.bytes ??= Buffer.from(storedItemLine(item), 'utf8'));

/** A new item, before the commit that adds it: both library.json and the log's create operation will write its line. */
export function expectNewItem(item: Item): void {
  kept.set(item, { bytes: null, forLog: true, forFile: true });
}

/**
 * The line of a created item for the change log: its bytes when they are shared with library.json, else the text
 * (an item no library.json write waits for, such as one folded in from another device, is not copied into a buffer
 * of its own first).
 */
export function createdItemLine(item: Item): Buffer | string {
  let line = kept.get(item);
  for (const lines of beingWritten) line ??= lines.get(item);
  if (!line?.forLog) return storedItemLine(item);
  line.forLog = false;
  const bytes = lineBytes(line, item);
  if (!line.forFile) {
    line.bytes = null;
    kept.delete(item);
  }
  return bytes;
}

/** One write of library.json: the bytes of each line kept for it, or null (then it makes the text itself). */
export interface LineSource {
  bytes(item: Item): Buffer | null;
  /** Call when the write is over: lines it never asked for are dropped. */
  done(): void;
}

export function keptLinesForWrite(): LineSource {
  const lines = kept;
  kept = new WeakMap();
  beingWritten.add(lines);
  return {
    bytes(item) {
      const line = lines.get(item);
      if (!line?.forFile) return null;
      line.forFile = false;
      const bytes = lineBytes(line, item);
      // The log has not written it yet: kept for it, past this write.
      if (line.forLog) kept.set(item, line);
      else line.bytes = null;
      return bytes;
    },
    done() {
      beingWritten.delete(lines);
    },
  };
}

/**
 * Whether a created item's value (an operation's, which may come from another device) has the shape whose stored
 * form reads back as the same value: an item, its @string definitions name -> text. `id` stands in for a value
 * written without its id (logs from before the item line).
 */
export function storableItem(value: unknown, id: string): value is Item {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (!isItemShaped(record.id === undefined ? { ...record, id } : record)) return false;
  const macros = (record.source as { macros?: unknown } | undefined)?.macros;
  if (macros === undefined) return true;
  if (typeof macros !== 'object' || macros === null || Array.isArray(macros)) return false;
  for (const definition of Object.values(macros)) if (typeof definition !== 'string') return false;
  return true;
}
