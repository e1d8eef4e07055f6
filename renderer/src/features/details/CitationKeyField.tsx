import type { Item } from '../../../../shared/model/item.ts';
import { FieldInput } from '../../components/FieldInput.tsx';
import { ToggleIconButton } from '../../components/ToggleIconButton.tsx';
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
      <ToggleIconButton
        on={item.keyPinned}
        onToggle={(pinned) => void s().setKeyPinned(item.id, pinned)}
        icon="pin"
        kind="pin"
        label={{ on: 'Unpin citation key', off: 'Pin citation key' }}
        title={{ on: 'Pinned: never regenerated. Click to unpin.', off: 'Pin the key so it is never regenerated' }}
        testId="key-pin"
      />
    </div>
  );
}
