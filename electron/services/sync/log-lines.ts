import type { JsonValue, SyncOp } from '../../../shared/sync/operations.ts';
import { opLine } from '../../../shared/sync/op-lines.ts';
import { fromStoredItem } from '../library-store/stored-item.ts';
import { createdItemLine, storableItem } from '../library-store/stored-lines.ts';
import type { TextFileWriter } from '../library-store/text-writer.ts';

/**
 * One operation as a line of the change log or of a sync-folder segment (docs/sync.md): one JSON object a line.
 * A created item's value is written as the item's library.json line (stored-lines.ts): CSL that its own BibTeX
 * source gives back is named in `cslFromSource` instead of being written twice, and the very bytes serve
 * library.json's next write. `wholeLogOp` makes such a value whole again when a line is read; a line whose item is
 * written out in full, as every line was before, reads as it always did.
 */
export async function writeLogLine(writer: TextFileWriter, op: SyncOp): Promise<void> {
  const value = op.v;
  if (op.e === 'item' && op.k === 'create' && storableItem(value, op.id)) {
    // JSON.stringify leaves out a key whose value is undefined: the operation without its value, which goes last.
    const head = JSON.stringify({ ...op, v: undefined });
    await writer.write(`${head.slice(0, -1)},"v":`);
    const line = createdItemLine(value);
    await (typeof line === 'string' ? writer.write(line) : writer.writeBytes(line));
    await writer.write('}\n');
    return;
  }
  await writer.write(opLine(op));
}

/** A read line's operation with its created item made whole, or what is wrong with it. */
export function wholeLogOp(op: SyncOp): SyncOp | string {
  const value = op.v;
  if (op.e !== 'item' || op.k !== 'create' || typeof value !== 'object' || value === null || Array.isArray(value)) return op;
  if (value.id !== undefined && value.id !== op.id) return 'a created item whose id is not the operation\'s';
  const whole = fromStoredItem(value);
  if (!whole.ok) return `the created item: ${whole.problem}`;
  return whole.item === value ? op : { ...op, v: whole.item as JsonValue };
}
