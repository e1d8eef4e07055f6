import type { ExportFormat, ExportScope } from '../../../shared/api/api-primitives.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { copyText, getFolio, saveTextFile } from '../platform/index.ts';
import { parseView } from './logic/view.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface IoSlice {
  /** Imports text (a file's content or pasted BibTeX) into the current collection, then shows the report. */
  importText(text: string, fileName: string): Promise<void>;
  exportToFile(scope: ExportScope, format: ExportFormat): Promise<void>;
  exportToClipboard(scope: ExportScope, format: ExportFormat): Promise<void>;
  undoImport(batchId: string): Promise<void>;
}

const EXTENSIONS: Record<ExportFormat, string> = { bibtex: 'bib', biblatex: 'bib', 'csl-json': 'json', ris: 'ris' };

export const createIoSlice: SliceCreator<IoSlice> = (set, get) => {
  async function exportText(scope: ExportScope, format: ExportFormat): Promise<{ text: string; count: number } | null> {
    try {
      const result = await getFolio().io.export({ scope, format });
      for (const warning of result.warnings) get().pushToast('error', warning);
      return result;
    } catch (error) {
      get().pushToast('error', `Export failed: ${errorMessage(error)}`);
      return null;
    }
  }

  function fileNameFor(scope: ExportScope, format: ExportFormat): string {
    let base = 'library';
    if (scope.kind === 'collection') base = get().collections.find((c) => c.id === scope.collectionId)?.name ?? 'collection';
    else if (scope.kind === 'saved') base = scope.name;
    else if (scope.kind === 'items') base = scope.ids.length === 1 ? (get().knownRow(scope.ids[0] as ItemId)?.key ?? 'item') : 'selection';
    const safe = base.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
    return `${safe}.${EXTENSIONS[format]}`;
  }

  return {
    async importText(text, fileName) {
      const view = parseView(get().view);
      get().setBusy(`Importing ${fileName}…`);
      try {
        const report = await getFolio().io.importText({
          text,
          fileName,
          collectionId: view.kind === 'collection' ? view.id : null,
        });
        get().refreshRows(report.itemIds);
        get().openDialog({ kind: 'import-report', report });
        if (get().view === 'trash') get().setView({ kind: 'all' });
      } catch (error) {
        get().pushToast('error', `Import of ${fileName} failed: ${errorMessage(error)}`);
      } finally {
        get().setBusy(null);
      }
    },

    async undoImport(batchId) {
      try {
        const count = await getFolio().io.undoImport(batchId);
        await get().reloadRows();
        get().closeDialog();
        get().pushToast('info', `Moved ${count.toLocaleString()} imported item${count === 1 ? '' : 's'} to the trash`);
      } catch (error) {
        get().pushToast('error', `Could not undo the import: ${errorMessage(error)}`);
      }
    },

    async exportToFile(scope, format) {
      const result = await exportText(scope, format);
      if (!result) return;
      try {
        const saved = await saveTextFile(fileNameFor(scope, format), result.text);
        if (saved) get().pushToast('info', `Exported ${result.count.toLocaleString()} entr${result.count === 1 ? 'y' : 'ies'} to ${saved}`);
      } catch (error) {
        get().pushToast('error', `Could not save the file: ${errorMessage(error)}`);
      }
    },

    async exportToClipboard(scope, format) {
      const result = await exportText(scope, format);
      if (!result) return;
      try {
        await copyText(result.text);
        get().pushToast('info', `Copied ${result.count.toLocaleString()} entr${result.count === 1 ? 'y' : 'ies'} to the clipboard`);
      } catch (error) {
        get().pushToast('error', `Could not copy: ${errorMessage(error)}`);
      }
    },
  };
};
