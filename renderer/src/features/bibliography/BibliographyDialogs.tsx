import { useStore } from '../../store/index.ts';
import { AutoExportDialog } from './AutoExportDialog.tsx';
import { RegenerateKeysDialog } from './RegenerateKeysDialog.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import './bibliography.css';

/** The LaTeX-feature dialogs, when the store has one of them open. */
export function BibliographyDialogs() {
  const dialog = useStore((s) => s.dialog);
  if (dialog?.kind === 'settings') return <SettingsDialog />;
  if (dialog?.kind === 'auto-export') return <AutoExportDialog collectionId={dialog.collectionId} savedSearch={dialog.savedSearch ?? null} label={dialog.label} />;
  if (dialog?.kind === 'regenerate-keys') return <RegenerateKeysDialog ids={dialog.ids} />;
  return null;
}
