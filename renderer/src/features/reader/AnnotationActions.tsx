import { useStore } from '../../store/index.ts';
import type { ReaderTab } from '../../store/reader-slice.ts';

/** What can be done with the picked annotations (or, for "all", every one of the item's). */
export function AnnotationActions({ tab, ids }: { tab: ReaderTab; ids: readonly string[] }) {
  const s = useStore.getState;
  const stem = tab.attachment.fileName.replace(/\.pdf$/i, '');
  return (
    <div className="annotation-actions" data-testid="annotation-actions">
      <span className="muted">{ids.length === 0 ? 'All' : `${ids.length} selected`}</span>
      {ids.length > 0 ? (
        <button type="button" className="small" data-testid="annotation-add-to-note" title="Append the selected annotations to the item's note" onClick={() => void s().addAnnotationsToNote(tab.itemId, ids)}>
          Add to note
        </button>
      ) : (
        <button type="button" className="small" data-testid="annotation-note-from-all" title="Append every annotation, in page order, to the item's note" onClick={() => void s().addAnnotationsToNote(tab.itemId, null)}>
          Create note from annotations
        </button>
      )}
      <button type="button" className="small" data-testid="annotation-export-markdown" title="Markdown for Obsidian or Logseq" onClick={() => void s().exportAnnotationsMarkdown(tab.itemId, ids.length > 0 ? ids : null, stem)}>
        Export Markdown
      </button>
      <button type="button" className="small" data-testid="annotation-export-pdf" title="A copy of the PDF with every annotation written in, for other readers" onClick={() => void s().exportAnnotatedPdf(tab.itemId, tab.id)}>
        Export PDF
      </button>
      {ids.length > 0 ? (
        <button type="button" className="small danger" data-testid="annotation-delete" onClick={() => void s().removeAnnotations(tab.itemId, ids)}>
          Delete
        </button>
      ) : null}
    </div>
  );
}
