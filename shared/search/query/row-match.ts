import type { ItemId } from '../../model/ids.ts';
import { DOC_TEXT_FIELDS, fieldText, type DocTextField } from '../index/search-doc.ts';
import { termsOf } from '../index/tokenize.ts';
import type { SearchIndex } from '../index/search-index.ts';
import type { QueryNode } from './query-ast.ts';
import { parseQuery } from './query-parser.ts';
import { positiveWords, snippetSource, type SnippetSource } from './snippet.ts';

/** Why one row matched: what the table marks in its cells and the line it shows under the row. */
export interface RowMatch {
  /** Index terms of the query found in this item (exact, prefix and typo expansions alike), for marking. */
  terms: string[];
  /** Document fields those terms were found in. */
  fields: DocTextField[];
  /** One line around a note, annotation, abstract or full-text match. */
  snippet?: string;
  /** 1-based page of a full-text snippet. */
  page?: number;
  /** Where the snippet was taken from. */
  source?: SnippetSource;
}

const HEADLINE: readonly DocTextField[] = ['title', 'author', 'meta', 'venue'];
const LONG: readonly DocTextField[] = ['abstract', 'note', 'annotation', 'fulltext'];

/** A row never carries more terms than a cell could sensibly mark (a one-letter prefix expands to hundreds). */
const MAX_TERMS = 40;

/** Whole values of exact fields a cell shows (a key, a tag), under no NOT: marked as they are. */
function exactValues(node: QueryNode, out: string[] = []): string[] {
  if (node.kind === 'exact' && (node.field === 'key' || node.field === 'tag')) out.push(node.value);
  else if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) exactValues(c, out);
  return out;
}

/**
 * What each of `ids` matched of `query`: only for the rows a window is sent, so a 50k-hit query costs a page of
 * look-ups, not 50k snippets. An id the index does not hold, or a query with an error, answers null.
 */
export function rowMatches(index: SearchIndex, query: string, ids: readonly ItemId[], now = Date.now()): Array<RowMatch | null> {
  const parsed = parseQuery(query, now);
  if (!parsed.ok) return ids.map(() => null);
  const words = positiveWords(parsed.query);
  const expanded = words.map(({ word, field }) => ({ field, terms: index.expand(word).map((e) => e.term) }));
  const exact = exactValues(parsed.query);
  const candidates = new Set(expanded.flatMap((e) => e.terms));
  return ids.map((id) => {
    const slot = index.slotOf(id);
    const doc = slot === undefined ? null : index.doc(slot);
    if (slot === undefined || !doc) return null;
    const terms = new Set<string>();
    const fields = new Set<DocTextField>();
    const note = (field: DocTextField, term: string) => {
      fields.add(field);
      if (terms.size < MAX_TERMS) terms.add(term);
    };
    // Short fields are cut into their terms and looked up; long ones are asked term by term, until one is found.
    for (const f of HEADLINE) for (const term of termsOf(fieldText(doc, f))) if (candidates.has(term)) note(f, term);
    for (const f of LONG) {
      for (const term of candidates) {
        if (!index.fieldHas(f, term, slot)) continue;
        note(f, term);
        break;
      }
    }
    for (const value of exact) {
      if (doc.key.toLowerCase().startsWith(value) || doc.tags.some((t) => t.toLowerCase().startsWith(value))) terms.add(value);
    }
    const snippet = snippetSource(doc, words, index);
    if (snippet) for (const term of termsOf(snippet.snippet)) if (candidates.has(term)) terms.add(term);
    return { terms: [...terms], fields: DOC_TEXT_FIELDS.filter((f) => fields.has(f)), ...snippet };
  });
}
