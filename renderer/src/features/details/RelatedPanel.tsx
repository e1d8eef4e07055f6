import { useEffect } from 'react';
import type { Item } from '../../../../shared/model/item.ts';
import { useStore } from '../../store/index.ts';
import './related.css';

/** "Related in your library": the items most like this one, each saying why; a click selects it. */
export function RelatedPanel({ item }: { item: Item }) {
  const related = useStore((s) => (s.related?.id === item.id ? s.related : null));
  // Loads when the item changes; later edits refresh it through the store (scheduleRelatedRefresh).
  useEffect(() => {
    void useStore.getState().loadRelated(item.id);
  }, [item.id]);

  const s = useStore.getState;
  const items = related?.items ?? null;
  return (
    <section className="details-section related-panel" aria-label="Related in your library" data-testid="related-panel">
      <h3 className="section-title related-title">
        <span>Related in your library</span>
        {items && items.length > 0 ? (
          <button
            type="button"
            className="link-button"
            title={`Search related:${item.citationKey}`}
            data-testid="related-list-in-table"
            onClick={() => s().setFilter(`related:${item.citationKey}`)}
          >
            List in table
          </button>
        ) : null}
      </h3>
      {items === null ? <p className="muted related-loading" aria-busy="true">Finding similar items…</p> : null}
      {related?.error ? <p className="details-error">{related.error}</p> : null}
      {items && items.length === 0 && !related?.error ? <p className="muted" data-testid="related-empty">Nothing in the library is much like this item yet.</p> : null}
      {items && items.length > 0 ? (
        <ol className="related-list">
          {items.map(({ row, why }) => (
            <li key={row.id}>
              <button type="button" className="related-item" data-testid="related-item" data-key={row.key} onClick={() => s().revealItem(row.id)}>
                <span className="related-item-title">{row.title || row.key}</span>
                <span className="related-item-meta">{[row.authors, row.year ?? ''].filter(Boolean).join(' · ')}</span>
                {why ? <span className="related-item-why" data-testid="related-why">{why}</span> : null}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
