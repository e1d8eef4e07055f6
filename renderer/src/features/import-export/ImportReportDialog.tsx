import type { ImportIssue, ImportReport } from '../../../../shared/api/io-types.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

const issueText = (i: ImportIssue): string => `${i.file}:${i.line} ${i.key ? `${i.key}: ` : ''}${i.reason}`;

function IssueList({ title, issues, testId }: { title: string; issues: ImportIssue[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <section className="report-section">
      <h3>{title}</h3>
      <ul className="issue-list mono" data-testid={testId}>
        {issues.map((i, n) => (
          <li key={`${i.line}-${n}`}>{issueText(i)}</li>
        ))}
      </ul>
    </section>
  );
}

export function ImportReportDialog({ report }: { report: ImportReport }) {
  const close = () => useStore.getState().closeDialog();
  const skipped = report.skipped.length;
  return (
    <Modal
      title="Import finished"
      testId="import-report"
      width={600}
      onClose={close}
      footer={
        <>
          {report.batchId && report.imported > 0 ? (
            <button type="button" data-testid="undo-import" onClick={() => void useStore.getState().undoImport(report.batchId)}>Undo import</button>
          ) : null}
          <button type="button" className="primary" autoFocus onClick={close}>Done</button>
        </>
      }
    >
      <p className="report-summary" data-testid="import-summary">
        Imported {report.imported.toLocaleString()}, skipped {skipped.toLocaleString()}
        <span className="report-format"> · {report.format}</span>
      </p>
      {report.preview.length > 0 ? (
        <ul className="report-preview">
          {report.preview.map((t, n) => <li key={n}>{t}</li>)}
          {report.imported > report.preview.length ? <li className="muted">and {(report.imported - report.preview.length).toLocaleString()} more</li> : null}
        </ul>
      ) : null}
      <IssueList title="Skipped" issues={report.skipped} testId="import-skipped" />
      <IssueList title="Warnings" issues={report.warnings} testId="import-warnings" />
    </Modal>
  );
}
