import type { ImportFormat, ImportIssue } from '../../shared/api/io-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { detectImporter, importerFor, type ImportRecord } from '../../shared/formats/importers/index.ts';

/** One record ready to become an item. */
export type ImportCandidate = ImportRecord;

export interface ParsedImport {
  format: ImportFormat;
  candidates: ImportCandidate[];
  skipped: ImportIssue[];
  warnings?: ImportIssue[];
  /** For a web page: which metadata sources it had. */
  pageSources?: string;
}

/** Parses text of any supported format into import candidates, entry by entry, with the importer for its format. */
export function parseImportText(text: string, fileName: string, format?: ImportFormat, pageUrl?: string): ParsedImport {
  const importer = format ? importerFor(format) : detectImporter(fileName, text);
  if (!importer) {
    throw new FolioError('PARSE', `${fileName}: not a format Folio can import (BibTeX, RIS, CSL-JSON, a paper listing or a web page)`, { file: fileName });
  }
  const parsed = importer.parse(text, fileName, pageUrl);
  return {
    format: importer.format, candidates: parsed.records, skipped: parsed.issues,
    ...(parsed.warnings ? { warnings: parsed.warnings } : {}), ...(parsed.pageSources === undefined ? {} : { pageSources: parsed.pageSources }),
  };
}
