import type { ImportReport } from '../../../../shared/api/io-types.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

const FORMAT_LABEL: Record<ImportReport['format'], string> = {
  bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON', listing: 'paper listing (Hugging Face / arXiv)', html: 'web page',
};

/** What a paste or a dropped file would add, before anything is added. */
export function ImportPreviewDialog({ text, fileName, report }: { text: string; fileName: string; report: ImportReport }) {
  const close = () => useStore.getState().closeDialog();
  const confirm = () => void useStore.getState().commitText(text, fileName);
  const n = report.imported;
  return (
    <Modal
      title="Add these papers?"
      testId="import-preview"
      width={640}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="import-preview-confirm" disabled={n === 0} onClick={confirm} autoFocus>
            Add {n.toLocaleString()} item{n === 1 ? '' : 's'}
          </button>
        </>
      }
    >
      <p className="report-summary" data-testid="import-preview-summary">
        {n.toLocaleString()} item{n === 1 ? '' : 's'} found
        <span className="report-format"> · {FORMAT_LABEL[report.format]}</span>
      </p>
      {report.preview.length > 0 ? (
        <ol className="report-preview preview-list" data-testid="import-preview-titles">
          {report.preview.map((title, i) => <li key={i}>{title}</li>)}
          {n > report.preview.length ? <li className="muted preview-more">and {(n - report.preview.length).toLocaleString()} more</li> : null}
        </ol>
      ) : null}
      {report.skipped.length > 0 ? <p className="preview-note warn">{report.skipped.length.toLocaleString()} entr{report.skipped.length === 1 ? 'y' : 'ies'} cannot be read and will be skipped.</p> : null}
      {report.warnings.length > 0 ? (
        <details className="preview-note">
          <summary>{report.warnings.length.toLocaleString()} warning{report.warnings.length === 1 ? '' : 's'} (likely duplicates, renamed keys)</summary>
          <ul className="issue-list mono">{report.warnings.map((w, i) => <li key={i}>{w.key ? `${w.key}: ` : ''}{w.reason}</li>)}</ul>
        </details>
      ) : null}
    </Modal>
  );
}
