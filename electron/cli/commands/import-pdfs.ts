import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ImportIssue } from '../../../shared/api/io-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { FolioService } from '../../services/folio-service.ts';
import type { CliIo } from '../cli-context.ts';
import { terminalField } from '../terminal-text.ts';

/** What `folio import` reads from a folder: every reference file and PDF in it, sub-folders included. */
const IMPORTABLE = new Set(['.bib', '.bibtex', '.ris', '.json', '.txt', '.pdf', '.html', '.htm']);

/** Files named on the command line, with each folder replaced by the importable files inside it (sorted). */
export async function expandImportPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new FolioError('IO', `${path}: cannot read (${error.code ?? error.message})`);
    });
    if (!info.isDirectory()) {
      out.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && IMPORTABLE.has(extname(e.name).toLowerCase()) && !e.name.startsWith('.'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    if (found.length === 0) throw new FolioError('NOT_FOUND', `${path}: no .bib, .ris, .json, .txt or .pdf files in this folder`);
    out.push(...found);
  }
  return out;
}

export const isPdfPath = (path: string): boolean => extname(path).toLowerCase() === '.pdf';

export interface PdfImportTotals {
  imported: number;
  attached: number;
  /** Annotation objects of the files added as Folio annotations. */
  annotations: number;
  skipped: ImportIssue[];
}

/**
 * Imports PDFs one by one (each is committed on its own, so a failure or Ctrl+C keeps the ones
 * before it). A broken PDF is reported with its reason and skipped; nothing of it is kept.
 */
export async function importPdfFiles(service: FolioService, paths: readonly string[], dryRun: boolean, io: CliIo): Promise<PdfImportTotals> {
  const totals: PdfImportTotals = { imported: 0, attached: 0, annotations: 0, skipped: [] };
  for (const [index, path] of paths.entries()) {
    if (paths.length > 1) io.err(`[${index + 1}/${paths.length}] ${path}\n`);
    try {
      const bytes = await readFile(path);
      const result = await service.papers.importPdf(path, bytes, null, { dryRun });
      const title = result.item.csl.title ?? result.item.citationKey;
      totals.annotations += result.annotations?.imported ?? 0;
      if (result.duplicateOf) {
        const reason = `the same file is already in the library (${result.item.citationKey})`;
        totals.skipped.push({ file: path, line: 0, reason });
        if (dryRun) io.out(`would skip: ${path}: ${reason}\n`);
      } else if (result.created) {
        totals.imported++;
        if (dryRun) io.out(`would add: ${terminalField(title)} (${path})\n`);
      } else {
        totals.attached++;
        io.out(`${dryRun ? 'would attach' : 'attached'} ${path} to ${result.item.citationKey}\n`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      totals.skipped.push({ file: path, line: 0, reason: message.startsWith(path) ? message.slice(path.length + 2) : message });
    }
  }
  return totals;
}
