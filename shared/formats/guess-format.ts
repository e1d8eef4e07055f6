import type { ImportFormat } from './import-issue.ts';
import { detectImporter } from './importers/index.ts';

/**
 * Which format a file is in: a known extension decides, otherwise the content (CSL-JSON, RIS, BibTeX, then a pasted
 * paper listing). Null when no importer fits. The importers themselves are in importers/.
 */
export function guessImportFormat(fileName: string, text: string): ImportFormat | null {
  return detectImporter(fileName, text)?.format ?? null;
}
