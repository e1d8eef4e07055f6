import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';
import { isLongText } from '../../components/long-text.ts';
import { LongText } from '../../components/LongText.tsx';
import { SegmentedControl } from '../../components/SegmentedControl.tsx';
import { useStore } from '../../store/index.ts';
import type { NoteStatus } from '../../store/notes-slice.ts';
// markdown-it, KaTeX and DOMPurify load on the first preview, not at startup.
const NotePreview = lazy(() => import('./NotePreview.tsx'));
import './notes.css';

const STATUS_TEXT: Record<NoteStatus, string> = {
  idle: '',
  loading: 'Loading…',
  editing: 'Editing…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
};

const MODES = [
  { value: 'edit', label: <><Icon name="edit" size={12} /> Edit</>, testId: 'note-mode-edit' },
  { value: 'preview', label: <><Icon name="eye" size={12} /> Preview</>, testId: 'note-mode-preview' },
] as const;

/** The item's Markdown note: saved as you type, no save button. */
export function NotePanel() {
  const { text, status, error, mode } = useStore(
    useShallow((s) => ({ text: s.note.text, status: s.note.status, error: s.note.error, mode: s.noteMode })),
  );
  const s = useStore.getState;
  return (
    <section className="note-panel" aria-label="Note">
      <header className="note-header">
        <h3 className="section-title">Note</h3>
        <span className={`note-status ${status}`} data-testid="note-status" title={error ?? undefined}>
          {status === 'saved' && text.trim() !== '' ? <Icon name="check" size={12} /> : null}
          {status === 'saved' && text.trim() === '' ? '' : STATUS_TEXT[status]}
        </span>
        <SegmentedControl label="Note mode" small value={mode} segments={MODES} onChange={(m) => s().setNoteMode(m)} />
      </header>
      {mode === 'edit' && isLongText(text) ? (
        <LongText text={text} testId="note-editor" label="Note (Markdown)" />
      ) : mode === 'edit' ? (
        <textarea
          className="note-editor mono"
          data-testid="note-editor"
          aria-label="Note (Markdown)"
          placeholder={'Write a note in Markdown. Math: $E = mc^2$ or $$…$$.'}
          value={text}
          disabled={status === 'loading'}
          onChange={(e) => s().editNote(e.target.value)}
          onBlur={() => void s().flushNote()}
        />
      ) : (
        // Inside the panel, so Edit stays at hand to fix what broke the preview.
        <ErrorBoundary pane="The note" testId="note-error" resetKey={text}>
          <Suspense fallback={<div className="note-preview empty" data-testid="note-preview">Rendering…</div>}>
            <NotePreview markdown={text} />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}
