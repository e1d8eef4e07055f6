import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportFormat, ImportIssue } from '../../../shared/api/io-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { decodeTextFile } from '../../services/text-decoding.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, EXIT_PARTIAL, UsageError, findCollection, withLibrary, type CliIo } from '../cli-context.ts';
import { terminalField } from '../terminal-text.ts';
import { expandImportPaths, importPdfFiles, isPdfPath } from './import-pdfs.ts';

const FORMATS: readonly ImportFormat[] = ['bibtex', 'ris', 'csl-json', 'listing', 'html'];

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION,
      collection: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('folio import FILE... [--library DIR] [--collection NAME] [--format F] [--dry-run]');
  const format = values.format as ImportFormat | undefined;
  if (format && !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);

  // Read and decode every file before opening the library: a missing file fails with nothing written.
  const files: Array<{ path: string; text: string }> = [];
  const paths = await expandImportPaths(positionals);
  // PDFs are read one at a time while importing: a folder of them may not fit in memory at once.
  const pdfs = paths.filter(isPdfPath);
  for (const path of paths.filter((p) => !isPdfPath(p))) {
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new FolioError('IO', `${path}: cannot read (${error.code ?? error.message})`);
    });
    const decoded = decodeTextFile(bytes, path);
    if (decoded.warning) io.err(`${decoded.warning}\n`);
    files.push({ path, text: decoded.text });
  }

  return withLibrary(values.library, io, async (service) => {
    const collectionId = values.collection ? findCollection(service.store.collections(), values.collection).id : null;
    let imported = 0;
    let annotations: number | null = null;
    const skipped: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    // A web page's name is followed by the metadata sources it had: `page.html: citation_* (12 fields), JSON-LD`.
    const pageSources = new Map<string, string>();
    for (const file of files) {
      const report = await service.importWithOptions(
        { text: file.text, fileName: file.path, collectionId, dryRun: values['dry-run'], ...(format ? { format } : {}) },
        // One commit per file: a killed or failed import leaves the library as it was.
        {},
      );
      if (report.pageSources !== undefined) pageSources.set(file.path, report.pageSources);
      imported += report.imported;
      skipped.push(...report.skipped);
      warnings.push(...report.warnings);
      if (values['dry-run']) for (const title of report.preview) io.out(`would add: ${terminalField(title)}\n`);
    }
    if (pdfs.length > 0) {
      const pdfTotals = await importPdfFiles(service, pdfs, values['dry-run'], io);
      imported += pdfTotals.imported;
      annotations = pdfTotals.annotations;
      skipped.push(...pdfTotals.skipped);
    }
    for (const s of skipped) io.err(`${terminalField(s.file)}:${s.line}: skipped${s.key ? ` ${terminalField(s.key)}` : ''}: ${terminalField(s.reason)}\n`);
    for (const w of warnings) io.err(`${terminalField(w.file)}:${w.line}: warning: ${terminalField(w.reason)}\n`);
    const names = [...files.map((f) => f.path), ...pdfs]
      .map((p) => (pageSources.has(p) ? `${basename(p)}: ${pageSources.get(p)}` : basename(p)))
      .join(pageSources.size > 0 ? '; ' : ', ');
    const verb = values['dry-run'] ? 'Would import' : 'Imported';
    io.out(`${verb} ${imported} item${imported === 1 ? '' : 's'} from ${names}${annotations !== null ? `, with ${annotations} annotation${annotations === 1 ? '' : 's'}` : ''}${skipped.length ? `; skipped ${skipped.length}` : ''}${warnings.length ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}\n`);
    return skipped.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}
