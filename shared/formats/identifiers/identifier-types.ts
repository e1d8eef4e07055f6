export type IdentifierKind = 'doi' | 'arxiv' | 'isbn' | 'hf-paper' | 'url';

export interface FoundIdentifier {
  kind: IdentifierKind;
  /**
   * Normalised: DOI lowercased in `10.xxxx/...` form; arXiv (and hf-paper) id without version;
   * ISBN as 13 digits; URL without trailing sentence punctuation.
   */
  value: string;
  /** arXiv version, when the text named one (`v2`). */
  version?: number;
  /** The text as written, prefix included (`doi:10...`, `arXiv:...`, the whole URL). */
  raw: string;
  /** Offset of `raw` in the searched text. */
  index: number;
}
