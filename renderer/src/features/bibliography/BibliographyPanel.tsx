import { useEffect, useState } from 'react';
import type { ExportScope } from '../../../../shared/api/api-primitives.ts';
import { useStore } from '../../store/index.ts';

/** Export dialog, "Bibliography": a formatted reference list in a CSL style, copied as text or HTML. */
export function BibliographyPanel({ scope, count }: { scope: ExportScope; count: number | null }) {
  const styles = useStore((s) => s.styles);
  const progress = useStore((s) => s.bibliographyProgress);
  const [style, setStyle] = useState('apa');
  const s = useStore.getState;

  useEffect(() => {
    if (useStore.getState().styles.length === 0) void useStore.getState().loadStyles();
  }, []);

  const busy = progress !== null;
  return (
    <div className="bibliography-panel">
      <label className="form-row">
        <span>Style</span>
        <select data-testid="bibliography-style" value={style} onChange={(e) => setStyle(e.target.value)}>
          {styles.map((st) => <option key={st.id} value={st.id}>{st.title}</option>)}
        </select>
      </label>
      <p className="panel-hint">
        {count !== null && count > 500 ? `Formatting ${count.toLocaleString()} references takes a while; you can keep working.` : 'Paste the list into a document or an e-mail.'}
      </p>
      {busy ? (
        <div className="progress-line" data-testid="bibliography-progress">
          <progress max={1} value={progress} aria-label="Formatting the bibliography" />
          <span>{Math.round(progress * 100)}%</span>
        </div>
      ) : null}
      <div className="panel-actions">
        <button type="button" data-testid="bibliography-copy-text" disabled={busy} onClick={() => void s().copyBibliography(scope, style, 'text')}>Copy as Text</button>
        <button type="button" className="primary" data-testid="bibliography-copy-html" disabled={busy} onClick={() => void s().copyBibliography(scope, style, 'html')}>Copy as HTML</button>
      </div>
    </div>
  );
}
