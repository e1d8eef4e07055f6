import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { syncSummary } from '../../store/logic/sync-summary.ts';
import { useRelativeTime } from './useRelativeTime.ts';

/** "Synced 12 s ago · 3 devices", or the problem; a click opens Settings › Sync. Nothing while sync is off. */
export function SyncStatusLine({ testId = 'status-sync' }: { testId?: string }) {
  const { status } = useStore(useShallow((s) => ({ status: s.syncStatus })));
  const summary = syncSummary(status);
  const ago = useRelativeTime(summary?.timed ? (status?.lastExchangeAt ?? null) : null);
  if (!summary || !status) return null;
  const text = [summary.timed && ago ? `${summary.text} ${ago}` : summary.text, ...summary.details].join(' · ');
  const when = status.lastExchangeAt ? `Last exchange ${new Date(status.lastExchangeAt).toLocaleString()}` : 'No exchange yet';
  const title = `${text}\n${when} with ${status.folder ?? ''}${status.pendingSend > 0 ? `\n${status.pendingSend.toLocaleString()} changes to send` : ''}\nClick for the sync settings`;
  return (
    <button
      type="button"
      className={`status-sync ${summary.tone}`}
      data-testid={testId}
      data-tone={summary.tone}
      title={title}
      onClick={() => useStore.getState().openDialog({ kind: 'settings', tab: 'sync' })}
    >
      <Icon name={summary.tone === 'error' || summary.tone === 'warning' ? 'warning' : 'sync'} size={13} className={summary.tone === 'busy' ? 'spinning' : undefined} />
      <span className="status-sync-text">{text}</span>
    </button>
  );
}
