import type { BibtexSource } from '../../model/bibtex-source.ts';
import type { CslItemData } from '../../model/csl.ts';
import type { ImportFormat, ImportIssue } from '../import-issue.ts';

/** One record ready to become an item. */
export interface ImportRecord {
  csl: CslItemData;
  line: number;
  source?: BibtexSource;
  /** A key that came with the record; kept verbatim when free. */
  wantedKey?: string;
  /** Known only in part (a title and an arXiv id): the lookup completes it. */
  metadataPending?: boolean;
}

export interface ImporterResult {
  records: ImportRecord[];
  /** Entries skipped. */
  issues: ImportIssue[];
  /** Entries imported with a caveat. */
  warnings?: ImportIssue[];
  /** For a web page: which metadata sources it had, e.g. `citation_* (12 fields), JSON-LD`. */
  pageSources?: string;
}

/** What `detect` looks at: the text, and its start without a byte-order mark (cheap to test on large files). */
export interface ImportSample {
  text: string;
  head: string;
}

/**
 * One text format Folio imports, as JabRef's importers are: `detect` answers whether the text reads as this
 * format (JabRef's isRecognizedFormat) and `parse` turns it into records (importDatabase).
 */
export interface Importer {
  format: ImportFormat;
  /** File names that decide the format by themselves, whatever the content. */
  fileName: RegExp | null;
  detect(sample: ImportSample): boolean;
  /** `pageUrl`: where a web page was shown, when known. */
  parse(text: string, fileName: string, pageUrl?: string): ImporterResult;
}
