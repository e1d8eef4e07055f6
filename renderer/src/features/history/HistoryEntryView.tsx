import type { ConflictChoice, HistoryEntry } from '../../../../shared/api/sync-types.ts';
import { Icon } from '../../components/Icon.tsx';
import { historyFieldLabel, isEventField } from '../../store/logic/history-fields.ts';
import { useRelativeTime } from '../sync/useRelativeTime.ts';

interface HistoryEntryViewProps {
  entry: HistoryEntry;
  busy: boolean;
  onRevert(entry: HistoryEntry): void;
  onChoose(entry: HistoryEntry, choice: ConflictChoice): void;
}

function Value({ text, kind }: { text: string; kind: 'old' | 'new' }) {
  if (text === '') return <span className={`history-value ${kind} empty`}>{kind === 'old' ? 'empty' : 'cleared'}</span>;
  return <span className={`history-value ${kind}`} data-testid={`history-${kind}`}>{text}</span>;
}

/** One change: what, when, on which device, old → new; a conflict's other value with the choice; Revert. */
export function HistoryEntryView({ entry, busy, onRevert, onChoose }: HistoryEntryViewProps) {
  const ago = useRelativeTime(entry.time);
  const conflict = entry.conflict;
  const open = conflict?.state === 'open';
  return (
    <li className={open ? 'history-entry conflict' : 'history-entry'} data-testid="history-entry" data-field={entry.field} data-conflict={conflict?.state}>
      <div className="history-head">
        <span className="history-field">{historyFieldLabel(entry.field)}</span>
        {entry.undo ? <span className="history-badge" title="Made by Undo, Redo, a revert or a conflict choice">undo</span> : null}
        <span className="history-when" title={new Date(entry.time).toLocaleString()}>
          {ago} · <span data-testid="history-device">{entry.deviceName}</span>
        </span>
      </div>
      {isEventField(entry.field) ? null : (
        <div className="history-change">
          <Value text={entry.oldText} kind="old" />
          <span className="history-arrow" aria-label="changed to">→</span>
          <Value text={entry.newText} kind="new" />
        </div>
      )}
      {conflict ? (
        <div className={open ? 'history-conflict open' : 'history-conflict'} data-testid="history-conflict">
          <Icon name="warning" size={13} />
          <div className="history-conflict-body">
            {open ? (
              <>
                <p>
                  <strong>Conflict.</strong> {conflict.otherDeviceName} changed this field at the same time, to{' '}
                  <span className="history-value other" data-testid="history-other">{conflict.otherText || 'nothing'}</span>. Folio kept the value from {entry.deviceName} on every device.
                </p>
                <div className="history-conflict-actions">
                  <button type="button" data-testid="conflict-keep" disabled={busy} onClick={() => onChoose(entry, 'kept')}>Keep {entry.deviceName}'s</button>
                  <button type="button" className="primary" data-testid="conflict-other" disabled={busy} onClick={() => onChoose(entry, 'other')}>Use {conflict.otherDeviceName}'s</button>
                </div>
              </>
            ) : (
              <p className="muted">Conflict settled. {conflict.otherDeviceName}'s value was {conflict.otherText ? <span className="history-value other">{conflict.otherText}</span> : 'empty'}.</p>
            )}
          </div>
        </div>
      ) : null}
      {entry.revertible ? (
        <button type="button" className="link-button history-revert" data-testid="history-revert" disabled={busy} onClick={() => onRevert(entry)}>
          <Icon name="revert" size={12} /> Revert
        </button>
      ) : null}
    </li>
  );
}
