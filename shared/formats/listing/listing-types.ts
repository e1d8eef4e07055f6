/** One paper found in text copied from a listing page (Hugging Face Papers, arXiv). */
export interface ListingEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title in the pasted text. */
  line: number;
  /** arXiv id without version, when the entry names one. */
  arxivId?: string;
  /** The paper's page when the entry links one, else the first link in the entry's text. */
  url?: string;
  authors?: string[];
}

/** A line that belongs to no paper: page chrome, dates, vote counts, stray text. */
export interface IgnoredLine {
  line: number;
  text: string;
  reason: string;
}

export interface ListingParseResult {
  entries: ListingEntry[];
  ignored: IgnoredLine[];
}

/** A line of the pasted text, terminator removed. */
export interface SourceLine {
  /** 1-based. */
  n: number;
  text: string;
}
