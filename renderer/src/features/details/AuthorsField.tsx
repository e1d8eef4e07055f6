import { useEffect, useRef, useState } from 'react';
import type { Item } from '../../../../shared/model/item.ts';
import { useStore } from '../../store/index.ts';
import { fromNameLines, sameNames, toNameLines, type NameLine } from './csl-fields.ts';
import { NameListEditor } from './NameListEditor.tsx';

/** The author list of the item, saved as a whole when focus leaves it. */
export function AuthorsField({ item }: { item: Item }) {
  const authors = item.csl.author;
  const [lines, setLines] = useState<NameLine[]>(() => toNameLines(authors));
  const editing = useRef(false);
  // The latest lines, readable by commit() before React has re-rendered (remove = change + commit at once).
  const linesRef = useRef(lines);

  // Follow the stored list unless the user is in the middle of editing it.
  useEffect(() => {
    if (editing.current) return;
    const next = toNameLines(authors);
    linesRef.current = next;
    setLines(next);
  }, [authors]);

  const commit = () => {
    editing.current = false;
    const names = fromNameLines(linesRef.current);
    if (sameNames(authors, names)) return;
    void useStore.getState().patchItem(item.id, { csl: { author: names.length > 0 ? names : null } });
  };

  return (
    <NameListEditor
      lines={lines}
      testId="field-author"
      onChange={(next) => {
        editing.current = true;
        linesRef.current = next;
        setLines(next);
      }}
      onCommit={commit}
    />
  );
}
