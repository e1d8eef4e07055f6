import { useState } from 'react';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

export function PasteBibtexDialog() {
  const [text, setText] = useState('');
  const busy = useStore((s) => s.busy !== null);
  const close = () => useStore.getState().closeDialog();
  const submit = () => {
    if (text.trim() === '') return;
    void useStore.getState().importText(text, 'pasted.bib');
  };
  return (
    <Modal
      title="Paste BibTeX"
      testId="paste-bibtex-dialog"
      width={640}
      onClose={close}
      footer={
        <>
          <span className="modal-hint">Also accepts RIS and CSL-JSON. Ctrl+Enter imports.</span>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="paste-bibtex-submit" disabled={busy || text.trim() === ''} onClick={submit}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <textarea
        className="paste-area mono"
        autoFocus
        spellCheck={false}
        aria-label="BibTeX to import"
        data-testid="paste-bibtex-text"
        placeholder={'@article{key,\n  title = {…},\n  author = {Family, Given and …},\n  year = {2024}\n}'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
    </Modal>
  );
}
