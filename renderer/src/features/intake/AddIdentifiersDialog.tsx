import { useEffect, useRef, useState } from 'react';
import type { AddByIdentifiersResult } from '../../../../shared/api/lookup-types.ts';
import { Modal } from '../../components/Modal.tsx';
import { PasteArea } from '../../components/PasteArea.tsx';
import { useStore } from '../../store/index.ts';

function ResultSummary({ result }: { result: AddByIdentifiersResult }) {
  const waiting = new Set(result.failures.filter((f) => f.reason.startsWith('offline') || f.reason.includes('will retry')).map((f) => f.identifier));
  const failed = result.failures.filter((f) => !waiting.has(f.identifier));
  return (
    <div className="lookup-result" data-testid="lookup-result">
      <p className="report-summary">
        Added {result.created.length.toLocaleString()}
        {result.pending > 0 ? <span className="pending-badge">{result.pending} waiting for metadata</span> : null}
      </p>
      {result.created.length > 0 ? (
        <ul className="report-preview">{result.created.map((r) => <li key={r.id}><span className="mono">{r.key}</span> {r.title}</li>)}</ul>
      ) : null}
      {result.existing.length > 0 ? (
        <p className="preview-note">Already in the library: {result.existing.map((e) => `${e.identifier} (${e.key})`).join(', ')}</p>
      ) : null}
      {waiting.size > 0 ? <p className="preview-note">Offline: {[...waiting].join(', ')} added from the identifier alone; use “Retry lookups” when online.</p> : null}
      {failed.length > 0 ? (
        <ul className="issue-list mono" data-testid="lookup-failures">{failed.map((f) => <li key={f.identifier}>{f.identifier}: {f.reason}</li>)}</ul>
      ) : null}
    </div>
  );
}

/** DOIs, arXiv ids or URLs, ISBNs and Hugging Face paper links, typed or pasted in any mix. */
export function AddIdentifiersDialog({ result }: { result: AddByIdentifiersResult | null }) {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const busy = useStore((s) => s.lookupBusy);
  // The Add button is disabled while looking up, which drops focus out of the dialog: bring it back.
  useEffect(() => {
    if (result) area.current?.focus();
  }, [result]);
  const close = () => useStore.getState().closeDialog();
  const submit = () => {
    if (text.trim() !== '' && !busy) void useStore.getState().addByIdentifiers(text);
  };
  return (
    <Modal
      title="Add by identifier"
      testId="add-identifiers-dialog"
      width={600}
      onClose={close}
      footer={
        <>
          <span className="modal-hint">One or many, in any text. Ctrl+Enter adds.</span>
          <button type="button" onClick={close}>{result ? 'Done' : 'Cancel'}</button>
          <button type="button" className="primary" data-testid="add-identifiers-submit" disabled={busy || text.trim() === ''} onClick={submit}>
            {busy ? 'Looking up…' : 'Add'}
          </button>
        </>
      }
    >
      <PasteArea
        ref={area}
        className="identifier-area"
        label="Identifiers"
        testId="add-identifiers-text"
        placeholder={'10.1038/nature14539\narXiv:2305.18290v2\nhttps://huggingface.co/papers/2401.01335\nISBN 978-0-262-03561-3'}
        value={text}
        onChange={setText}
        onSubmit={submit}
      />
      {result ? <ResultSummary result={result} /> : null}
    </Modal>
  );
}
