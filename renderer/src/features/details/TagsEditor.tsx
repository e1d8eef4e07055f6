import { useState } from 'react';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { Chip } from '../../components/Chip.tsx';
import { useStore } from '../../store/index.ts';

interface TagsEditorProps {
  /** The items to tag, read at the moment of the edit (a 50k selection is not copied on every render). */
  getIds(): readonly ItemId[];
  /** Tags shown as removable chips (those of a single item); none for a multi-selection. */
  tags: readonly string[];
}

/** Tag chips plus an input: Enter or comma adds, Backspace on an empty input removes the last tag. */
export function TagsEditor({ getIds, tags }: TagsEditorProps) {
  const [draft, setDraft] = useState('');
  const allTags = useStore((s) => s.tags);
  const s = useStore.getState;
  const add = () => {
    const names = draft.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
    if (names.length > 0) void s().addTags(getIds(), names);
    setDraft('');
  };
  return (
    <div className="tags-editor" data-testid="field-tags">
      {tags.map((t) => (
        <Chip key={t} label={t} testId="tag-chip" onRemove={() => void s().removeTags(getIds(), [t])} />
      ))}
      <input
        className="tag-input"
        list="folio-all-tags"
        placeholder={tags.length === 0 ? 'Add tags…' : 'Add…'}
        aria-label="Add tag"
        data-testid="tag-input"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft.trim() && add()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
            void s().removeTags(getIds(), [tags[tags.length - 1] as string]);
          }
        }}
      />
      <datalist id="folio-all-tags">
        {allTags.map((t) => <option key={t.tag} value={t.tag} />)}
      </datalist>
    </div>
  );
}
