import { useStore } from '../../store/index.ts';
import { MergeDialog } from '../duplicates/MergeDialog.tsx';
import { AddIdentifiersDialog } from './AddIdentifiersDialog.tsx';
import { ImportPreviewDialog } from './ImportPreviewDialog.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import './papers.css';

/** The dialogs and the progress bar of adding papers. */
export function PaperDialogs() {
  const dialog = useStore((s) => s.paperDialog);
  const merging = useStore((s) => s.mergingPair);
  return (
    <>
      {dialog?.kind === 'import-preview' ? <ImportPreviewDialog text={dialog.text} fileName={dialog.fileName} report={dialog.report} /> : null}
      {dialog?.kind === 'add-identifiers' ? <AddIdentifiersDialog result={dialog.result} /> : null}
      {merging ? <MergeDialog pair={merging} /> : null}
      <ImportProgress />
    </>
  );
}
