import type { Item } from '../../../../shared/model/item.ts';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

const isPdf = (a: Item['attachments'][number]): boolean => a.mediaType === 'application/pdf' || /\.pdf$/i.test(a.path);

/** The item's files: a PDF opens in the reader (the small button beside it: the system viewer, or a browser tab). */
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
            onClick={() => {
              const s = useStore.getState();
              if (isPdf(a)) void s.openReader(item.id, a.id);
              else void s.openAttachment(item.id, a);
            }}
          >
            <Icon name="pdf" />
            <span className="attachment-name">{a.path.split('/').pop() ?? a.fileName}</span>
            <span className="attachment-size muted">{size(a.size)}</span>
          </button>
          {isPdf(a) ? (
            <button
              type="button"
              className="attachment-external icon-button"
              data-testid="attachment-open-external"
              title="Open in the system viewer"
              aria-label={`Open ${a.fileName} in the system viewer`}
              onClick={() => void useStore.getState().openAttachment(item.id, a)}
            >
              <Icon name="export" />
            </button>
          ) : null}
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
