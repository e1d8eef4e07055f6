import { useMemo, type MouseEvent } from 'react';
import type { RowMatch } from '../../../../shared/api/view-types.ts';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { highlightRanges } from '../../../../shared/search/highlight.ts';
import { HighlightedText } from '../../components/HighlightedText.tsx';
import { useStore } from '../../store/index.ts';

const SOURCE_LABEL = { note: 'Note', annotation: 'Annotation', abstract: 'Abstract', fulltext: 'PDF' } as const;

/** Where a snippet came from, before its text: "p. 5", "Note". */
export function snippetLabel(match: Pick<RowMatch, 'page' | 'source'>): string {
  if (match.page !== undefined) return `p. ${match.page}`;
  return SOURCE_LABEL[match.source ?? 'fulltext'];
}

/** The line under a row that says where the words were found; a click opens that place. */
export function RowSnippet({ itemId, match }: { itemId: ItemId; match: RowMatch & { snippet: string } }) {
  const ranges = useMemo(() => highlightRanges(match.snippet, match.terms), [match]);
  const label = snippetLabel(match);
  const open = (e: MouseEvent<HTMLButtonElement>) => {
    // The row's press has selected it; the click opens the match (and is not the row's click).
    e.stopPropagation();
    void useStore.getState().openMatch(itemId, match.source ?? 'fulltext', match.page ?? null);
  };
  return (
    <button
      type="button"
      className="row-snippet"
      data-testid="row-snippet"
      data-page={match.page}
      data-source={match.source}
      title={match.page !== undefined ? `Open the PDF at page ${match.page}` : `Show the ${label.toLowerCase()}`}
      onClick={open}
    >
      <span className="row-snippet-where">{label}:</span> <HighlightedText text={match.snippet} ranges={ranges} />
    </button>
  );
}
