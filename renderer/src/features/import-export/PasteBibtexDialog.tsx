import { useState } from 'react';
import { Modal } from '../../components/Modal.tsx';
import { PasteArea } from '../../components/PasteArea.tsx';
import { useStore } from '../../store/index.ts';

export function PasteBibtexDialog() {
  const [text, setText] = useState('');
  const busy = useStore((s) => s.busy !== null);
  const close = () => useStore.getState().closeDialog();
  // Nothing is added yet: the preview shows what was found and adds it on confirm.
  const submit = () => {
    if (text.trim() === '') return;
    close();
    void useStore.getState().previewText(text, 'pasted text');
  };
  return (
    <Modal
      title="Paste references"
      testId="paste-bibtex-dialog"
      width={640}
      onClose={close}
      footer={
        <>
          <span className="modal-hint">BibTeX, RIS, CSL-JSON, or a Hugging Face / arXiv listing. Ctrl+Enter previews.</span>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="paste-bibtex-submit" disabled={busy || text.trim() === ''} onClick={submit}>
            {busy ? 'Importing…' : 'Preview'}
          </button>
        </>
      }
    >
      <PasteArea
        label="References to import"
        testId="paste-bibtex-text"
        placeholder={'@article{key,\n  title = {…},\n  author = {Family, Given and …},\n  year = {2024}\n}'}
        value={text}
        onChange={setText}
        onSubmit={submit}
      />
    </Modal>
  );
}
