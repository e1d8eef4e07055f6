import { useShallow } from 'zustand/react/shallow';
import type { DuplicateCandidatePair } from '../../../../shared/api/duplicates-types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { pairKey } from '../../store/duplicates-slice.ts';
import './duplicates.css';

const REASON = { doi: 'Same DOI', arxiv: 'Same arXiv id', 'title-year-author': 'Same title, author and year' } as const;

function Side({ row }: { row: DuplicateCandidatePair['a'] }) {
  return (
    <div className="dup-side">
      <span className="dup-title">{row.title || '(no title)'}</span>
      <span className="dup-meta muted">
        <span className="mono">{row.key}</span> · {row.authors || 'no authors'} · {row.year ?? 'no year'}{row.venue ? ` · ${row.venue}` : ''}
      </span>
    </div>
  );
}

/** Likely duplicate pairs, with a side-by-side merge for each and a bulk merge for the checked ones. */
export function DuplicatesView() {
  const { pairs, loading, checked } = useStore(useShallow((s) => ({ pairs: s.duplicatePairs, loading: s.duplicatesLoading, checked: s.checkedPairs })));
  const s = useStore.getState;
  const allChecked = pairs.length > 0 && checked.size === pairs.length;
  return (
    <section className="duplicates-view" aria-label="Duplicates" data-testid="duplicates-view">
      <div className="toolbar dup-toolbar">
        <div className="toolbar-title">
          <h1>Duplicates</h1>
          <span className="toolbar-count" data-testid="duplicates-count">{loading ? '…' : pairs.length.toLocaleString()}</span>
        </div>
        <div className="toolbar-actions">
          <label className="dup-check-all">
            <input type="checkbox" checked={allChecked} disabled={pairs.length === 0} onChange={(e) => s().setAllPairsChecked(e.target.checked)} /> Select all
          </label>
          <button type="button" className="tool-button" data-testid="merge-selected" disabled={checked.size === 0} onClick={() => void s().mergeCheckedPairs()}>
            {checked.size > 0 ? `Merge ${checked.size.toLocaleString()} selected` : 'Merge selected'}
          </button>
          <button type="button" className="icon-button" title="Look again" aria-label="Look again" onClick={() => void s().loadDuplicates()}>
            <Icon name="restore" />
          </button>
          <button type="button" className="icon-button" title="Back to the library" aria-label="Close duplicates" onClick={() => s().closeDuplicates()}>
            <Icon name="close" />
          </button>
        </div>
      </div>
      {pairs.length === 0 && !loading ? (
        <EmptyState icon="check" title="No duplicates found" testId="duplicates-empty">
          <p>Papers with the same DOI, arXiv id, or title, first author and year appear here.</p>
        </EmptyState>
      ) : (
        <ul className="dup-list">
          {pairs.map((pair) => {
            const key = pairKey(pair);
            return (
              <li key={key} className="dup-pair" data-testid="duplicate-pair">
                <input type="checkbox" aria-label="Select pair" checked={checked.has(key)} onChange={() => s().toggleCheckedPair(key)} />
                <div className="dup-sides">
                  <Side row={pair.a} />
                  <Side row={pair.b} />
                </div>
                <div className="dup-actions">
                  <span className="dup-reason" title={`confidence ${Math.round(pair.confidence * 100)}%`}>{REASON[pair.reason]}</span>
                  <button type="button" data-testid="duplicate-compare" onClick={() => void s().startMerge(pair)}>Compare…</button>
                  <button type="button" className="link-button" onClick={() => void s().markNotDuplicate(pair.a.id, pair.b.id)}>Not a duplicate</button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
