/**
 * What an imported BibTeX entry looked like, kept on the item so that a
 * round trip loses nothing (entry type, key, field order, exact field source,
 * unknown fields). Owned by shared/formats/bibtex.
 */
export interface BibtexField {
  /** Field name as written (case preserved), e.g. "Title", "journaltitle". */
  name: string;
  /**
   * The field value exactly as in the source, delimiters included:
   * `{Some {T}itle}`, `"quoted"`, `feb`, `2004`, `jan # " 1"`.
   */
  raw: string;
}

export interface BibtexSource {
  /** Entry type as written, without the @ (e.g. "article", "Online"). */
  entryType: string;
  /** Citation key exactly as imported. */
  key: string;
  fields: BibtexField[];
  /**
   * The @string definitions this entry's fields reference (transitively), as
   * written: name -> raw value with delimiters (`{J.~Chem. Phys.}`). Kept per
   * item so an exported subset still compiles.
   */
  macros?: Record<string, string>;
  /** The source file's @preamble contents, raw with delimiters. */
  preambles?: string[];
  /** Where it came from, for error messages. */
  file?: string;
  line?: number;
}
