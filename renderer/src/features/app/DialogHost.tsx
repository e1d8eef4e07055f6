import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useStore } from '../../store/index.ts';
import { BibliographyDialogs } from '../bibliography/BibliographyDialogs.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { ImportReportDialog } from './ImportReportDialog.tsx';
import { NewItemDialog } from './NewItemDialog.tsx';
import { PasteBibtexDialog } from './PasteBibtexDialog.tsx';
import './dialogs.css';

/** Whichever dialog the store has open, and the confirmation prompt above it. */
export function Dialogs() {
  const dialog = useStore((s) => s.dialog);
  const confirm = useStore((s) => s.confirm);
  return (
    <>
      {dialog?.kind === 'import' ? <ImportDialog /> : null}
      {dialog?.kind === 'paste-bibtex' ? <PasteBibtexDialog /> : null}
      {dialog?.kind === 'new-item' ? <NewItemDialog /> : null}
      {dialog?.kind === 'export' ? <ExportDialog scope={dialog.scope} label={dialog.label} /> : null}
      {dialog?.kind === 'import-report' ? <ImportReportDialog report={dialog.report} /> : null}
      <BibliographyDialogs />
      {confirm ? <ConfirmDialog {...confirm} onAnswer={(ok) => useStore.getState().answerConfirm(ok)} /> : null}
    </>
  );
}
