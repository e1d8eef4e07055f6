import { useShallow } from 'zustand/react/shallow';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { useStore } from '../../store/index.ts';
import { HistoryEntryView } from './HistoryEntryView.tsx';
import './history.css';

/** The item's History: every change from every device, newest first; conflicts to settle; any change reverted. */
export function HistoryPanel({ itemId }: { itemId: ItemId }) {
  const { history, loading, error, busy } = useStore(
    useShallow((s) => ({ history: s.history?.itemId === itemId ? s.history.entries : null, loading: s.historyLoading, error: s.historyError, busy: s.historyBusy })),
  );
  const act = useStore.getState;
  if (error) return <p className="details-error" role="alert" data-testid="history-error">Could not read the history: {error}</p>;
  if (!history) return <p className="panel-empty history-loading" aria-busy={loading}>Reading the history…</p>;
  if (history.length === 0) return <p className="panel-empty" data-testid="history-empty">No changes recorded for this item yet.</p>;
  const open = history.filter((e) => e.conflict?.state === 'open').length;
  return (
    <section className="history-panel" aria-label="History" data-testid="history-panel">
      {open > 0 ? (
        <p className="history-summary" data-testid="history-open-conflicts">
          {open === 1 ? 'One field was changed on two devices at once.' : `${open} fields were changed on two devices at once.`} Choose the value to keep.
        </p>
      ) : null}
      <ol className="history-list">
        {history.map((entry) => (
          <HistoryEntryView
            key={entry.id}
            entry={entry}
            busy={busy !== null}
            onRevert={(e) => void act().revertEntry(e)}
            onChoose={(e, choice) => void act().chooseConflict(e, choice)}
          />
        ))}
      </ol>
    </section>
  );
}
