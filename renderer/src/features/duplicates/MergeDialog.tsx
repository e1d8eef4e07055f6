import { useState } from 'react';
import type { DuplicateCandidatePair } from '../../../../shared/api/duplicates-types.ts';
import type { Item } from '../../../../shared/model/item.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';
import { mergeFieldRows, type MergeFieldRow } from './merge-fields.ts';

type Side = 'a' | 'b';

function Column({ item, kept, onKeep }: { item: Item; kept: boolean; onKeep(): void }) {
  return (
    <label className={`merge-column-head${kept ? ' kept' : ''}`}>
      <input type="radio" name="merge-keep" checked={kept} onChange={onKeep} />
      <span className="mono">{item.citationKey}</span>
      <span className="muted">{kept ? 'kept (key stays)' : 'to the trash'} · added {new Date(item.addedAt).toLocaleDateString()}</span>
    </label>
  );
}

function FieldChoiceRow({ row, choice, onChoose }: { row: MergeFieldRow; choice: Side; onChoose(side: Side): void }) {
  const cell = (side: Side) => {
    const value = side === 'a' ? row.a : row.b;
    return (
      <label className={`merge-cell${choice === side ? ' chosen' : ''}${value === '' ? ' empty' : ''}`}>
        <input type="radio" name={`field-${row.field}`} checked={choice === side} disabled={row.same} onChange={() => onChoose(side)} />
        <span className="merge-value" title={value}>{value === '' ? '(empty)' : value}</span>
      </label>
    );
  };
  return (
    <div className={`merge-row${row.same ? ' same' : ''}`} data-testid="merge-row">
      <span className="merge-field">{row.field}</span>
      {cell('a')}
      {cell('b')}
    </div>
  );
}

/** Two copies of a paper side by side: which one stays, and which value each field takes. */
export function MergeDialog({ pair, items }: { pair: DuplicateCandidatePair; items: [Item, Item] | null }) {
  const [keep, setKeep] = useState<Side>(pair.a.addedAt <= pair.b.addedAt ? 'a' : 'b');
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const s = useStore.getState;
  const close = () => s().closeDialog();
  if (!items) return null;
  const [a, b] = items;
  const rows = mergeFieldRows(a.csl, b.csl);
  const choiceOf = (row: MergeFieldRow): Side => choices[row.field] ?? (keep === 'a' ? (row.a !== '' ? 'a' : 'b') : row.b !== '' ? 'b' : 'a');
  const merge = () => {
    const keepItem = keep === 'a' ? a : b;
    const other = keep === 'a' ? b : a;
    const fields: Record<string, 'keep' | 'other'> = {};
    for (const row of rows) if (!row.same) fields[row.field] = choiceOf(row) === keep ? 'keep' : 'other';
    void s().mergeDuplicates({ keepId: keepItem.id, otherId: other.id, fields });
  };
  return (
    <Modal
      title="Merge duplicates"
      testId="merge-dialog"
      width={900}
      onClose={close}
      footer={
        <>
          <button type="button" className="merge-not-dup" data-testid="merge-not-duplicate" onClick={() => void s().markNotDuplicate(a.id, b.id)}>Not a duplicate</button>
          <span className="modal-hint">Notes, tags, collections and PDFs of both are kept.</span>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="merge-confirm" onClick={merge}>Merge</button>
        </>
      }
    >
      <div className="merge-grid">
        <div className="merge-row merge-head">
          <span className="merge-field">Item</span>
          <Column item={a} kept={keep === 'a'} onKeep={() => setKeep('a')} />
          <Column item={b} kept={keep === 'b'} onKeep={() => setKeep('b')} />
        </div>
        {rows.map((row) => (
          <FieldChoiceRow key={row.field} row={row} choice={choiceOf(row)} onChoose={(side) => setChoices({ ...choices, [row.field]: side })} />
        ))}
      </div>
    </Modal>
  );
}
