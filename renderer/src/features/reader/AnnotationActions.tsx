import { useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';

/** What can be done with the picked annotations. */
export function AnnotationActions({ tab, ids }: { tab: ReaderTab; ids: readonly string[] }) {
  const s = useStore.getState;
  return (
    <div className="annotation-actions" data-testid="annotation-actions">
      <span className="muted">{ids.length} selected</span>
      <button type="button" className="btn small danger" data-testid="annotation-delete" onClick={() => void s().removeAnnotations(tab.itemId, ids)}>
        Delete
      </button>
    </div>
  );
}
