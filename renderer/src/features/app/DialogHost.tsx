import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useStore, type Dialog } from '../../store/index.ts';
import { AutoExportDialog } from '../bibliography/AutoExportDialog.tsx';
import { RegenerateKeysDialog } from '../bibliography/RegenerateKeysDialog.tsx';
import { SettingsDialog } from '../bibliography/SettingsDialog.tsx';
import { MergeDialog } from '../duplicates/MergeDialog.tsx';
import { ExportDialog } from '../import-export/ExportDialog.tsx';
import { ImportDialog } from '../import-export/ImportDialog.tsx';
import { ImportReportDialog } from '../import-export/ImportReportDialog.tsx';
import { NewItemDialog } from '../import-export/NewItemDialog.tsx';
import { PasteBibtexDialog } from '../import-export/PasteBibtexDialog.tsx';
import { AddIdentifiersDialog } from '../intake/AddIdentifiersDialog.tsx';
import { ImportPreviewDialog } from '../intake/ImportPreviewDialog.tsx';
import '../import-export/dialogs.css';
import '../bibliography/bibliography.css';
import '../intake/intake.css';

function DialogFor({ dialog }: { dialog: Dialog }) {
  switch (dialog.kind) {
    case 'import': return <ImportDialog />;
    case 'paste-bibtex': return <PasteBibtexDialog />;
    case 'new-item': return <NewItemDialog />;
    case 'export': return <ExportDialog scope={dialog.scope} label={dialog.label} />;
    case 'import-report': return <ImportReportDialog report={dialog.report} />;
    case 'import-preview': return <ImportPreviewDialog text={dialog.text} fileName={dialog.fileName} report={dialog.report} />;
    case 'add-identifiers': return <AddIdentifiersDialog result={dialog.result} />;
    case 'settings': return <SettingsDialog tab={dialog.tab ?? 'general'} />;
    case 'auto-export': return <AutoExportDialog collectionId={dialog.collectionId} savedSearch={dialog.savedSearch ?? null} label={dialog.label} />;
    case 'regenerate-keys': return <RegenerateKeysDialog ids={dialog.ids} />;
    case 'merge': return <MergeDialog key={`${dialog.pair.a.id}|${dialog.pair.b.id}`} pair={dialog.pair} items={dialog.items} />;
    // The Duplicates view is drawn in the centre pane (App), not over it.
    case 'duplicates': return null;
  }
}

/** The app's dialog host: whichever dialog the store has open, and the confirmation prompt above it. */
export function DialogHost() {
  const dialog = useStore((s) => s.dialog);
  const confirm = useStore((s) => s.confirm);
  return (
    <>
      {dialog ? <DialogFor dialog={dialog} /> : null}
      {confirm ? <ConfirmDialog {...confirm} onAnswer={(ok) => useStore.getState().answerConfirm(ok)} /> : null}
    </>
  );
}
