import type { Item } from '../../../../shared/model/item.ts';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The item's files; each opens in the system viewer (or a browser tab under the web host). */
export function AttachmentList({ item }: { item: Item }) {
  if (item.attachments.length === 0) return null;
  return (
    <ul className="attachment-list" data-testid="attachment-list">
      {item.attachments.map((a) => (
        <li key={a.id}>
          <button
            type="button"
            className="attachment-open"
            data-testid="attachment-open"
            title={`Open ${a.path.split('/').pop() ?? a.fileName}`}
            onClick={() => void useStore.getState().openAttachment(item.id, a)}
          >
            <Icon name="pdf" />
            <span className="attachment-name">{a.path.split('/').pop() ?? a.fileName}</span>
            <span className="attachment-size muted">{size(a.size)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Shown on items created offline until their metadata arrives. */
export function PendingBadge({ compact = false }: { compact?: boolean }) {
  return (
    <span className="pending-badge" data-testid="pending-badge" title="Created offline from its identifier; “Retry lookups” completes it">
      {compact ? 'pending' : 'Metadata pending'}
    </span>
  );
}
