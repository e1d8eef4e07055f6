import type { CslDate, CslName } from '../../model/csl.ts';

/** The sources a page can describe a paper with, in the order of precedence used to merge them. */
export type PageSourceName = 'citation_*' | 'JSON-LD' | 'DC.*' | 'COinS' | 'Hugging Face';

/** What one source says about the paper; every field optional, values already cleaned. */
export interface PaperFields {
  title?: string;
  authors?: CslName[];
  issued?: CslDate;
  /** When the page was put online (citation_online_date): used for `issued` only when nothing else dates the paper. */
  onlineDate?: CslDate;
  containerTitle?: string;
  /** A CSL type when the source says what kind of work it is. */
  type?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  doi?: string;
  arxivId?: string;
  pdfUrl?: string;
  url?: string;
  abstract?: string;
  keywords?: string[];
  language?: string;
  isbn?: string;
  issn?: string;
  number?: string;
}

export interface SourceFields {
  source: PageSourceName;
  /** Distinct metadata fields the source carried (meta names for tag sources, properties for JSON-LD). */
  fields: number;
  paper: PaperFields;
}

/** A page's metadata after merging: the record Folio imports, and what it came from. */
export interface PageMetadata {
  /** True when some source describes a paper (a title plus an author, identifier or PDF). */
  isPaper: boolean;
  paper: PaperFields;
  sources: SourceFields[];
  /** Caps that were hit (authors, tags), said in words for the import report. */
  notes: string[];
}
