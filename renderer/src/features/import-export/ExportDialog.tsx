import { useState } from 'react';
import type { ExportFormat, ExportScope } from '../../../../shared/api/api-primitives.ts';
import { Modal } from '../../components/Modal.tsx';
import { SegmentedControl, type Segment } from '../../components/SegmentedControl.tsx';
import { BibliographyPanel } from '../bibliography/BibliographyPanel.tsx';
import { CitedExportPanel } from '../bibliography/CitedExportPanel.tsx';
import { useShallow } from 'zustand/react/shallow';
import { selectedIds, useStore } from '../../store/index.ts';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'bibtex', label: 'BibTeX (.bib)' },
  { value: 'biblatex', label: 'BibLaTeX (.bib)' },
  { value: 'csl-json', label: 'CSL-JSON (.json)' },
  { value: 'ris', label: 'RIS (.ris)' },
];

type ExportMode = 'entries' | 'bibliography' | 'cited';

const MODES: readonly Segment<ExportMode>[] = [
  { value: 'entries', label: 'Entries', testId: 'export-mode-entries' },
  { value: 'bibliography', label: 'Bibliography', testId: 'export-mode-bibliography' },
  { value: 'cited', label: 'Cited in .aux/.tex', testId: 'export-mode-cited' },
];

interface ScopeOption {
  id: string;
  label: string;
  scope: ExportScope;
}

export function ExportDialog({ scope, label }: { scope: ExportScope; label: string }) {
  const selection = useStore(useShallow(selectedIds));
  const savedSearches = useStore((s) => s.savedSearches);
  const options: ScopeOption[] = [{ id: 'initial', label, scope }];
  if (scope.kind !== 'items' && selection.length > 0) {
    options.push({ id: 'selection', label: `${selection.length.toLocaleString()} selected item${selection.length === 1 ? '' : 's'}`, scope: { kind: 'items', ids: selection } });
  }
  if (scope.kind !== 'library') options.push({ id: 'library', label: 'Whole library', scope: { kind: 'library' } });
  for (const saved of savedSearches) {
    if (scope.kind === 'saved' && scope.name === saved.name) continue;
    const count = saved.count === null ? '' : ` (${saved.count.toLocaleString()})`;
    options.push({ id: `saved:${saved.name}`, label: `Saved search “${saved.name}”${count}`, scope: { kind: 'saved', name: saved.name } });
  }

  const [choice, setChoice] = useState('initial');
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [mode, setMode] = useState<ExportMode>('entries');
  const chosen = (options.find((o) => o.id === choice) ?? options[0]) as ScopeOption;
  const s = useStore.getState;
  const close = () => s().closeDialog();

  return (
    <Modal
      title="Export"
      testId="export-dialog"
      width={480}
      onClose={close}
      footer={mode !== 'entries' ? undefined :
        <>
          <button type="button" data-testid="export-copy" onClick={() => { void s().exportToClipboard(chosen.scope, format); close(); }}>Copy to Clipboard</button>
          <button type="button" className="primary" data-testid="export-save" onClick={() => { void s().exportToFile(chosen.scope, format); close(); }}>Save to File…</button>
        </>
      }
    >
      <SegmentedControl<ExportMode> label="What to export" value={mode} segments={MODES} onChange={setMode} testId="export-mode" />
      {mode === 'cited' ? null : <fieldset className="form-group export-scope">
        <legend>Items</legend>
        {options.map((o) => (
          <label key={o.id} className="radio-line">
            <input type="radio" name="export-scope" value={o.id} data-testid={`export-scope-${o.id}`} checked={choice === o.id} onChange={() => setChoice(o.id)} />
            {o.label}
          </label>
        ))}
      </fieldset>}
      {mode === 'bibliography' ? null : <label className="form-row">
        <span>Format</span>
        <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
        </select>
      </label>}
      {mode === 'bibliography' ? <BibliographyPanel scope={chosen.scope} count={chosen.scope.kind === 'items' ? chosen.scope.ids.length : null} /> : null}
      {mode === 'cited' ? <CitedExportPanel format={format} /> : null}
    </Modal>
  );
}
