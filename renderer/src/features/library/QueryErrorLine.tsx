import type { QueryError } from '../../../../shared/search/query/query-ast.ts';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import './search-box.css';

/**
 * A query's problem, with the query shown again and the bad part marked. An empty span (something is missing)
 * gets a caret where it should be.
 */
export function QueryErrorLine({ query, error, testId = 'query-error' }: { query: string; error: QueryError; testId?: string }) {
  const start = Math.max(0, Math.min(error.span.start, query.length));
  const end = Math.max(start, Math.min(error.span.end, query.length));
  return (
    <div className="query-error" role="alert" data-testid={testId} data-start={start} data-end={end}>
      <div className="query-error-message">
        <Icon name="warning" size={13} />
        <span>{error.message}</span>
        <span className="query-error-at">at {start + 1}</span>
      </div>
      <code className="query-error-query" aria-hidden="true">
        {query.slice(0, start)}
        {end > start ? <mark data-testid={`${testId}-mark`}>{query.slice(start, end)}</mark> : <span className="query-error-caret" data-testid={`${testId}-mark`} />}
        {query.slice(end)}
      </code>
    </div>
  );
}

/** The search box's error, once the latest check of what is in the box has answered. */
export function SearchBoxError() {
  const filter = useStore((s) => s.filter);
  const checked = useStore((s) => s.queryError);
  if (!checked || checked.query !== filter) return null;
  return <div className="search-box-error"><QueryErrorLine query={checked.query} error={checked.error} /></div>;
}
