import type { Item } from '../../../../shared/model/item.ts';
import { FieldInput } from '../../components/FieldInput.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { CitationKeyField } from './CitationKeyField.tsx';
import { CollectionMembership } from './CollectionMembership.tsx';
import { textPatchValue, typeLabel } from './csl-fields.ts';
import { MetadataFields } from './MetadataFields.tsx';
import { RelatedPanel } from './RelatedPanel.tsx';
import { StatusControls } from './StatusControls.tsx';
import { TagsEditor } from './TagsEditor.tsx';
import { AttachmentList, PendingBadge } from '../intake/AttachmentList.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { SegmentedControl } from '../../components/SegmentedControl.tsx';
import type { DetailsTab } from '../../store/history-slice.ts';

const TABS = [
  { value: 'info', label: 'Info', testId: 'details-tab-info' },
  { value: 'history', label: 'History', testId: 'details-tab-history' },
] as const;

/** The single selected item: every field editable in place. */
export function ItemDetails({ item }: { item: Item }) {
  const patch = useStore.getState().patchItem;
  const tab = useStore((s) => s.detailsTab);
  return (
    <div className="item-details">
      <header className="details-header">
        <div className="details-kicker">
          <span className="type-badge">{typeLabel(item.csl.type)}</span>
          {item.trashedAt ? <span className="trashed-badge">In trash</span> : null}
          {item.metadataPending ? <PendingBadge /> : null}
          <CitationKeyField item={item} />
        </div>
        <FieldInput
          className="title-input"
          label="Title"
          testId="field-title"
          multiline
          rows={2}
          placeholder="Title"
          value={item.csl.title ?? ''}
          onCommit={(v) => void patch(item.id, { csl: { title: textPatchValue(v) } })}
        />
        <StatusControls item={item} />
        <div className="details-tabs">
          <SegmentedControl<DetailsTab> label="Item pane page" small testId="details-tabs" value={tab} segments={TABS} onChange={(t) => useStore.getState().setDetailsTab(t)} />
        </div>
      </header>

      {tab === 'history' ? <HistoryPanel itemId={item.id} /> : <ItemInfo item={item} />}
    </div>
  );
}

/** The item's files, fields, tags, collections and related items. */
function ItemInfo({ item }: { item: Item }) {
  return (
    <>
      {item.metadataPending ? (
        <p className="details-pending muted">
          Added offline from its identifier.{' '}
          <button type="button" className="link-button" data-testid="retry-lookups" onClick={() => void useStore.getState().retryPending()}>Retry lookups</button>
        </p>
      ) : null}

      {item.attachments.length > 0 ? (
        <section className="details-section" aria-label="Files">
          <h3 className="section-title">Files</h3>
          <AttachmentList item={item} />
          {item.annotations.length > 0 ? <AnnotationCountLine item={item} /> : null}
        </section>
      ) : null}

      <section className="details-section" aria-label="Info">
        <MetadataFields item={item} />
      </section>

      <section className="details-section" aria-label="Tags">
        <h3 className="section-title">Tags</h3>
        <TagsEditor getIds={() => [item.id]} tags={item.tags} />
      </section>

      <section className="details-section" aria-label="Collections">
        <h3 className="section-title">Collections</h3>
        <CollectionMembership item={item} />
      </section>

      <RelatedPanel item={item} />

      <footer className="details-meta muted">
        Added {new Date(item.addedAt).toLocaleString()} · Modified {new Date(item.modifiedAt).toLocaleString()}
      </footer>
    </>
  );
}

/** "3 annotations · 1 orphaned": what the item's PDFs carry. */
function AnnotationCountLine({ item }: { item: Item }) {
  const count = item.annotations.length;
  const orphaned = item.annotations.filter((a) => a.orphaned).length;
  return (
    <p className="details-annotations muted" data-testid="details-annotations">
      <Icon name="annotation" size={13} />
      {count} annotation{count === 1 ? '' : 's'}
      {orphaned > 0 ? ` · ${orphaned} orphaned` : ''}
    </p>
  );
}
