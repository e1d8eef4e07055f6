import { useEffect, useState } from 'react';
import type { AutoExportStatus } from '../../../../shared/api/io-types.ts';
import type { ExportFormat } from '../../../../shared/api/api-primitives.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'bibtex', label: 'BibTeX' },
  { value: 'biblatex', label: 'BibLaTeX' },
  { value: 'csl-json', label: 'CSL-JSON' },
  { value: 'ris', label: 'RIS' },
];

function when(iso: string | null): string {
  return iso === null ? 'not written yet' : `written ${new Date(iso).toLocaleTimeString()}`;
}

function TargetRow({ status }: { status: AutoExportStatus }) {
  const failed = status.lastError !== null;
  return (
    <li className={failed ? 'auto-export-target failed' : 'auto-export-target'} data-testid="auto-export-target">
      <div className="auto-export-path" title={status.target.path}>{status.target.path}</div>
      <div className="auto-export-status" data-testid="auto-export-status">
        {failed ? <span className="status-error">{status.lastError}</span> : <span>{status.target.format} · {status.entries.toLocaleString()} entries · {when(status.lastWrittenAt)}</span>}
      </div>
      <label className="auto-export-shared" title="Shared: sync carries this target to your other devices, which keep the same file. Otherwise it stays on this device.">
        <input type="checkbox" data-testid="auto-export-shared" checked={status.target.shared === true} onChange={(e) => void useStore.getState().setAutoExportShared(status.target.id, e.target.checked)} /> Shared with other devices
      </label>
      <button type="button" className="link-button" data-testid="auto-export-remove" onClick={() => void useStore.getState().removeAutoExport(status.target.id)}>Remove</button>
    </li>
  );
}

/** Files kept in sync with the library or one collection: add a target, watch its status, remove it. */
export function AutoExportDialog({ collectionId, savedSearch, label }: { collectionId: string | null; savedSearch: string | null; label: string }) {
  const all = useStore((s) => s.autoExports);
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [error, setError] = useState<string | null>(null);
  const s = useStore.getState;
  const targets = all.filter((t) => t.target.collectionId === collectionId && (t.target.savedSearch ?? null) === savedSearch);

  useEffect(() => {
    void useStore.getState().loadAutoExports();
  }, []);

  const add = async () => {
    const problem = /^(\/|[A-Za-z]:[\\/])/.test(path.trim()) ? await s().addAutoExport({ path: path.trim(), format, collectionId, savedSearch }) : 'Give the absolute path of the file, such as /home/me/paper/refs.bib';
    setError(problem);
    if (problem === null) setPath('');
  };

  return (
    <Modal title={`Auto-export: ${label}`} testId="auto-export-dialog" width={620} onClose={() => s().closeDialog()} footer={<button type="button" onClick={() => s().closeDialog()}>Done</button>}>
      <p className="panel-hint">Folio rewrites these files a moment after every change, so LaTeX always sees the current library.</p>
      {targets.length === 0 ? <p className="panel-empty">No files are kept in sync for {label.toLowerCase() === 'whole library' ? 'the library' : savedSearch !== null ? 'this saved search' : 'this collection'} yet.</p> : (
        <ul className="auto-export-list" data-testid="auto-export-list">
          {targets.map((t) => <TargetRow key={t.target.id} status={t} />)}
        </ul>
      )}
      <div className="auto-export-add">
        <input aria-label="Path of the file to keep in sync" placeholder="/home/me/paper/refs.bib" spellCheck={false} data-testid="auto-export-path" value={path} onChange={(e) => setPath(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void add(); }} />
        <select aria-label="Format" data-testid="auto-export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        </select>
        <button type="button" className="primary" data-testid="auto-export-add" disabled={path.trim() === ''} onClick={() => void add()}>Add</button>
      </div>
      {error ? <p className="form-error" role="alert" data-testid="auto-export-error">{error}</p> : null}
    </Modal>
  );
}
