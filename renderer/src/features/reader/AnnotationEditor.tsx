import { lazy, Suspense, useState } from 'react';
import { ANNOTATION_COLORS, ANNOTATION_COLOR_HEX, type Annotation } from '../../../../shared/model/annotation.ts';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { useStore } from '../../store/index.ts';

const NotePreview = lazy(() => import('../notes/NotePreview.tsx'));

const parseTags = (text: string): string[] => [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];

/** The picked annotation: colour, a Markdown comment with math (rendered as notes are), tags, delete. */
export function AnnotationEditor({ itemId, annotation: a }: { itemId: ItemId; annotation: Annotation }) {
  const [comment, setComment] = useState(a.comment);
  const [tags, setTags] = useState(a.tags.join(', '));
  const [editing, setEditing] = useState(a.comment === '');
  const s = useStore.getState;
  const saveComment = () => {
    if (comment !== a.comment) void s().updateAnnotation(itemId, a.id, { comment });
    if (comment !== '') setEditing(false);
  };
  const saveTags = () => {
    const next = parseTags(tags);
    if (next.join('\n') !== a.tags.join('\n')) void s().updateAnnotation(itemId, a.id, { tags: next });
  };
  return (
    <div className="annotation-editor" data-testid="annotation-editor">
      <div className="annotation-editor-colors" role="group" aria-label="Colour">
        {ANNOTATION_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch small${a.color === c ? ' on' : ''}`}
            aria-pressed={a.color === c}
            aria-label={c}
            title={c}
            data-testid={`annotation-color-${c}`}
            style={{ background: ANNOTATION_COLOR_HEX[c] }}
            onClick={() => { if (a.color !== c) void s().updateAnnotation(itemId, a.id, { color: c }); }}
          />
        ))}
      </div>
      {editing ? (
        <textarea
          className="annotation-editor-comment"
          data-testid="annotation-comment"
          aria-label="Comment (Markdown, $math$)"
          placeholder="Comment — Markdown, $…$ for math. Ctrl/Cmd+Enter saves."
          value={comment}
          rows={4}
          onChange={(e) => setComment(e.target.value)}
          onBlur={saveComment}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              saveComment();
            }
          }}
        />
      ) : (
        <div className="annotation-editor-preview" data-testid="annotation-comment-preview" onDoubleClick={() => setEditing(true)}>
          <Suspense fallback={null}><NotePreview markdown={a.comment} /></Suspense>
          <button type="button" className="btn small" data-testid="annotation-comment-edit" onClick={() => setEditing(true)}>Edit comment</button>
        </div>
      )}
      <input
        className="annotation-editor-tags"
        data-testid="annotation-tags"
        aria-label="Tags, separated by commas"
        placeholder="Tags, comma separated"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        onBlur={saveTags}
        onKeyDown={(e) => { if (e.key === 'Enter') saveTags(); }}
      />
    </div>
  );
}
