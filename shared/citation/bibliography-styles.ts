import type { Item } from '../model/item.ts';
import type { CslItemData } from '../model/csl.ts';

/**
 * The citation styles Folio ships. APA, Harvard and Vancouver are the
 * templates bundled with @citation-js/plugin-csl (registered there at load);
 * IEEE, Chicago author-date and Nature are Folio's own CSL 1.0 files in
 * resources/csl/.
 */
export interface BibliographyStyle {
  id: string;
  title: string;
  /** A template citation-js registers itself, or a file under resources/csl/. */
  source: { kind: 'citation-js'; template: string } | { kind: 'file'; file: string };
  /** Numeric styles list entries in citation order; the others sort by author and year. */
  numeric: boolean;
}

export const BIBLIOGRAPHY_STYLES: readonly BibliographyStyle[] = [
  { id: 'apa', title: 'APA 7th edition', source: { kind: 'citation-js', template: 'apa' }, numeric: false },
  { id: 'ieee', title: 'IEEE', source: { kind: 'file', file: 'ieee.csl' }, numeric: true },
  { id: 'chicago-author-date', title: 'Chicago (author-date)', source: { kind: 'file', file: 'chicago-author-date.csl' }, numeric: false },
  { id: 'harvard', title: 'Harvard (Cite Them Right)', source: { kind: 'citation-js', template: 'harvard1' }, numeric: false },
  { id: 'vancouver', title: 'Vancouver', source: { kind: 'citation-js', template: 'vancouver' }, numeric: true },
  { id: 'nature', title: 'Nature', source: { kind: 'file', file: 'nature.csl' }, numeric: true },
];

export function findBibliographyStyle(id: string): BibliographyStyle | undefined {
  return BIBLIOGRAPHY_STYLES.find((s) => s.id === id);
}

/**
 * CSL-JSON for citeproc: the item's own id keeps entries apart even when two
 * keys differ only in case; the citation key goes along for styles that print it.
 */
export function cslForBibliography(items: readonly Item[]): CslItemData[] {
  return items.map((item) => ({ ...item.csl, id: item.id, 'citation-key': item.citationKey }));
}
