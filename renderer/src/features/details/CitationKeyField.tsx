import type { Item } from '../../../../shared/model/item.ts';
import { FieldInput } from '../../components/FieldInput.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';

/** The citation key, editable, with a pin that protects it from regeneration. */
export function CitationKeyField({ item }: { item: Item }) {
  const s = useStore.getState;
  return (
    <div className="key-field">
      <FieldInput
        className="mono"
        label="Citation key"
        testId="field-citation-key"
        value={item.citationKey}
        onCommit={(v) => {
          if (v.trim() !== '') void s().setCitationKey(item.id, v);
        }}
      />
      <button
        type="button"
        className={`icon-button small pin${item.keyPinned ? ' on' : ''}`}
        aria-pressed={item.keyPinned}
        aria-label={item.keyPinned ? 'Unpin citation key' : 'Pin citation key'}
        title={item.keyPinned ? 'Pinned: never regenerated. Click to unpin.' : 'Pin the key so it is never regenerated'}
        data-testid="key-pin"
        onClick={() => void s().setKeyPinned(item.id, !item.keyPinned)}
      >
        <Icon name="pin" size={14} />
      </button>
    </div>
  );
}
