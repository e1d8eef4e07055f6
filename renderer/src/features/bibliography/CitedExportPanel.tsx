import { useState } from 'react';
import type { ExportFormat } from '../../../../shared/api/api-primitives.ts';
import type { CitedExportResult } from '../../../../shared/api/bibliography-types.ts';
import { useStore } from '../../store/index.ts';

/** Export dialog, "Cited in .aux/.tex": exactly the entries a LaTeX document cites, and the keys it cites that the library lacks. */
export function CitedExportPanel({ format }: { format: ExportFormat }) {
  const [result, setResult] = useState<{ file: string; value: CitedExportResult } | null>(null);
  const [working, setWorking] = useState(false);
  const s = useStore.getState;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setWorking(true);
    const value = await s().exportCited(await file.text(), file.name, format);
    setWorking(false);
    setResult(value ? { file: file.name, value } : null);
  };

  return (
    <div className="bibliography-panel">
      <label className="file-pick">
        <span>Export cited in .aux/.tex…</span>
        <input type="file" accept=".aux,.tex" data-testid="cited-file-input" disabled={working} onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      <p className="panel-hint">A .aux from bibtex or biber lists what the document cites; a .tex file is scanned for \cite commands.</p>
      {result ? (
        <div className="cited-result" data-testid="cited-result">
          <p>
            <strong>{result.value.count.toLocaleString()}</strong> cited entr{result.value.count === 1 ? 'y' : 'ies'} from {result.file}
            {result.value.missing.length > 0 ? `; ${result.value.missing.length.toLocaleString()} cited key${result.value.missing.length === 1 ? ' is' : 's are'} not in the library:` : '; every cited key is in the library.'}
          </p>
          {result.value.missing.length > 0 ? (
            <ul className="issue-list" data-testid="cited-missing">
              {result.value.missing.map((key) => <li key={key}>{key}</li>)}
            </ul>
          ) : null}
          <div className="panel-actions">
            <button type="button" data-testid="cited-copy" disabled={result.value.count === 0} onClick={() => void s().copyCitedExport(result.value)}>Copy</button>
            <button type="button" className="primary" data-testid="cited-save" disabled={result.value.count === 0} onClick={() => void s().saveCitedExport(result.value, format)}>Save to File…</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
