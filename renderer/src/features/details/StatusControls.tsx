import type { Item, ReadStatus } from '../../../../shared/model/item.ts';
import { SegmentedControl } from '../../components/SegmentedControl.tsx';
import { StarRating } from '../../components/StarRating.tsx';
import { ToggleIconButton } from '../../components/ToggleIconButton.tsx';
import { useStore } from '../../store/index.ts';

const READ_SEGMENTS = [
  { value: 'unread', label: 'Unread', testId: 'read-unread' },
  { value: 'reading', label: 'Reading', testId: 'read-reading' },
  { value: 'read', label: 'Read', testId: 'read-read' },
] as const;

/** Read status, rating and flag: the researcher's own marks on an item. */
export function StatusControls({ item }: { item: Item }) {
  const patch = useStore.getState().patchItem;
  return (
    <div className="status-controls">
      <SegmentedControl<ReadStatus> label="Read status" small testId="field-read" value={item.read} segments={READ_SEGMENTS} onChange={(read) => void patch(item.id, { read })} />
      <StarRating value={item.rating} testId="field-rating" onChange={(rating) => void patch(item.id, { rating })} />
      <ToggleIconButton
        on={item.flagged}
        onToggle={(flagged) => void patch(item.id, { flagged })}
        icon="flag"
        kind="flag"
        label={{ on: 'Unflag', off: 'Flag' }}
        title={{ on: 'Flagged', off: 'Flag this item' }}
        testId="field-flagged"
        fillWhenOn
      />
    </div>
  );
}
