import type { ImportFormat } from '../import-issue.ts';
import { bibtexImporter } from './bibtex-importer.ts';
import { cslJsonImporter } from './csl-json-importer.ts';
import type { Importer } from './importer.ts';
import { listingImporter } from './listing-importer.ts';
import { risImporter } from './ris-importer.ts';
import { htmlImporter } from './html-importer.ts';

export type { Importer, ImporterResult, ImportRecord, ImportSample } from './importer.ts';

/** Every importer, in the order content detection asks them: a web page first (its CSS looks like BibTeX), a paper listing last. */
export const IMPORTERS: readonly Importer[] = [htmlImporter, cslJsonImporter, risImporter, bibtexImporter, listingImporter];

const BY_FORMAT = new Map<ImportFormat, Importer>(IMPORTERS.map((i) => [i.format, i]));

export function importerFor(format: ImportFormat): Importer {
  const importer = BY_FORMAT.get(format);
  if (!importer) throw new Error(`No importer for the format ${format}`);
  return importer;
}

/** Only the start of the text is tested, so large files stay cheap. */
const HEAD = 64 * 1024;

/**
 * Which importer reads the file: a known file name decides, otherwise the content (CSL-JSON, RIS, BibTeX, then a
 * pasted paper listing). Null when none fits.
 */
export function detectImporter(fileName: string, text: string): Importer | null {
  const name = fileName.trim();
  for (const importer of IMPORTERS) if (importer.fileName?.test(name)) return importer;
  const sample = { text, head: text.slice(0, HEAD).replace(/^\uFEFF/, '') };
  return IMPORTERS.find((importer) => importer.detect(sample)) ?? null;
}
