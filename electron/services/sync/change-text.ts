import { QUIET_FIELDS, type JsonValue, type SyncOp } from '../../../shared/sync/operations.ts';
import { displayField } from '../../../shared/sync/history.ts';

/** Short texts of values and changes, for the history list and the Undo menu item. */

export function valueText(field: string, value: JsonValue): string {
  if (value === null) return field === 'trash' || field === 'restore' ? '' : '(none)';
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 199)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (field === 'note' && typeof value === 'object' && !Array.isArray(value) && typeof value.markdown === 'string') return valueText('', value.markdown);
  if (field === 'issued' && typeof value === 'object' && !Array.isArray(value)) {
    const parts = value['date-parts'];
    if (Array.isArray(parts) && Array.isArray(parts[0])) return parts[0].join('-');
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && ('family' in v || 'literal' in v))) {
    return value.map((v) => String((v as Record<string, JsonValue>).family ?? (v as Record<string, JsonValue>).literal ?? '')).join('; ');
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (typeof value.comment === 'string' || typeof value.text === 'string') return valueText('', `${String(value.text ?? '')} ${String(value.comment ?? '')}`.trim() || 'annotation');
    if (typeof value.fileName === 'string') return value.fileName;
  }
  const json = JSON.stringify(value);
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

const count = (n: number, what: string): string => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** "Remove tag ml from 1,204 items", "Edit title", "Add 3 items". */
export function describeChange(ops: readonly SyncOp[]): string {
  const items = new Set(ops.filter((o) => o.e === 'item').map((o) => o.id));
  const first = ops[0];
  if (!first) return 'Change';
  if (ops.every((o) => o.k === 'create' && o.e === 'item')) return `Add ${count(items.size, 'item')}`;
  if (ops.every((o) => o.k === 'delete')) return `Delete ${count(new Set(ops.map((o) => o.id)).size, first.e === 'coll' ? 'collection' : 'item')}`;
  const meaningful = ops.filter((o) => o.f === undefined || !QUIET_FIELDS.has(o.f));
  const fields = new Set(meaningful.map((o) => displayField(o)));
  const where = items.size > 1 ? ` of ${count(items.size, 'item')}` : '';
  if (fields.size === 1) {
    const field = [...fields][0] as string;
    const tagOps = meaningful.filter((o) => o.f === 'tags');
    if (field === 'tags' && tagOps.length > 0) {
      const tags = [...new Set(tagOps.map((o) => o.key))];
      const adding = tagOps.every((o) => o.v !== null);
      const removing = tagOps.every((o) => o.v === null);
      if (adding || removing) return `${adding ? 'Add' : 'Remove'} tag ${tags.join(', ')} ${adding ? 'to' : 'from'} ${count(items.size, 'item')}`;
    }
    if (field === 'trash' || field === 'restore') return `${field === 'trash' ? 'Move' : 'Restore'} ${count(items.size, 'item')}${field === 'trash' ? ' to the trash' : ''}`;
    return `Edit ${field}${where}`;
  }
  return `Edit ${[...fields].slice(0, 3).join(', ')}${fields.size > 3 ? '…' : ''}${where}`;
}
