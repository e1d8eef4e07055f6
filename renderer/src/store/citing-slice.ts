import type { ExportFormat, ExportScope } from '../../../shared/api/api-primitives.ts';
import type { KeyChange } from '../../../shared/api/library-types.ts';
import type { StatusEvent } from '../../../shared/api/event-types.ts';
import type { BibliographyStyleInfo, CitedExportResult } from '../../../shared/api/bibliography-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { bibliographyHtmlToText } from '../html/bibliography-html.ts';
import { sanitizeHtml } from '../html/sanitize.ts';
import { copyText, getFolio, saveTextFile } from '../platform/index.ts';
import { copyTextAndHtml } from '../platform/rich-clipboard.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

/** Citing from the library: cite commands, formatted bibliographies, the entries a document cites, citation keys. */
export interface CitingSlice {
  styles: BibliographyStyleInfo[];
  /** 0..1 while a bibliography is being formatted, else null. */
  bibliographyProgress: number | null;
  loadStyles(): Promise<void>;
  /** Formats and copies; 'html' puts sanitised HTML and plain text on the clipboard. */
  copyBibliography(scope: ExportScope, style: string, kind: 'text' | 'html'): Promise<void>;
  /** Copies a cite command for the items: `command` (e.g. `citep`), or the library's own when null. */
  copyCite(ids: readonly ItemId[], command?: string | null): Promise<void>;
  exportCited(text: string, fileName: string, format: ExportFormat): Promise<CitedExportResult | null>;
  saveCitedExport(result: CitedExportResult, format: ExportFormat): Promise<void>;
  copyCitedExport(result: CitedExportResult): Promise<void>;
  previewKeyRegeneration(ids: readonly ItemId[]): Promise<KeyChange[] | null>;
  regenerateKeys(ids: readonly ItemId[]): Promise<void>;
  /** Host status events about formatting progress. */
  onBibliographyStatus(event: StatusEvent): void;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const createCitingSlice: SliceCreator<CitingSlice> = (set, get) => ({
  styles: [],
  bibliographyProgress: null,

  async loadStyles() {
    try {
      set({ styles: await getFolio().bibliography.listStyles() });
    } catch (error) {
      get().pushToast('error', `Could not list citation styles: ${errorMessage(error)}`);
    }
  },

  async copyBibliography(scope, style, kind) {
    set({ bibliographyProgress: 0 });
    try {
      const folio = getFolio();
      if (kind === 'text') {
        const result = await folio.bibliography.format({ scope, style, output: 'text' });
        await copyText(result.text);
        get().pushToast('info', `Copied ${plural(result.count, 'reference', 'references')} as text`);
        return;
      }
      const html = await folio.bibliography.format({ scope, style, output: 'html' });
      const safe = sanitizeHtml(html.text);
      const copied = await copyTextAndHtml(bibliographyHtmlToText(safe), safe);
      get().pushToast('info', `Copied ${plural(html.count, 'reference', 'references')}${copied === 'both' ? ' as formatted text' : ' (this browser took plain text only)'}`);
    } catch (error) {
      get().pushToast('error', `Could not copy the bibliography: ${errorMessage(error)}`);
    } finally {
      set({ bibliographyProgress: null });
    }
  },

  async copyCite(ids, command = null) {
    if (ids.length === 0) return;
    try {
      const cite = await getFolio().io.citeCommand([...ids], command);
      await copyText(cite);
      get().pushToast('info', `Copied ${cite.length > 80 ? `${cite.slice(0, 77)}…` : cite}`);
    } catch (error) {
      get().pushToast('error', `Could not copy the citation: ${errorMessage(error)}`);
    }
  },

  async exportCited(text, fileName, format) {
    try {
      return await getFolio().bibliography.exportCited({ text, fileName, format });
    } catch (error) {
      get().pushToast('error', `Could not export the cited entries of ${fileName}: ${errorMessage(error)}`);
      return null;
    }
  },

  async saveCitedExport(result, format) {
    try {
      const saved = await saveTextFile(format === 'csl-json' ? 'cited.json' : format === 'ris' ? 'cited.ris' : 'cited.bib', result.text);
      if (saved) get().pushToast('info', `Exported ${plural(result.count, 'cited entry', 'cited entries')} to ${saved}`);
    } catch (error) {
      get().pushToast('error', `Could not save the file: ${errorMessage(error)}`);
    }
  },

  async copyCitedExport(result) {
    try {
      await copyText(result.text);
      get().pushToast('info', `Copied ${plural(result.count, 'cited entry', 'cited entries')}`);
    } catch (error) {
      get().pushToast('error', `Could not copy: ${errorMessage(error)}`);
    }
  },

  async previewKeyRegeneration(ids) {
    try {
      return await getFolio().keys.previewRegenerate([...ids]);
    } catch (error) {
      get().pushToast('error', `Could not compute new keys: ${errorMessage(error)}`);
      return null;
    }
  },

  async regenerateKeys(ids) {
    try {
      const changes = await getFolio().keys.regenerate([...ids]);
      get().refreshRows(changes.map((c) => c.id));
      get().pushToast('info', `Changed ${plural(changes.length, 'citation key', 'citation keys')}`);
    } catch (error) {
      get().pushToast('error', `Could not regenerate keys: ${errorMessage(error)}`);
    }
  },

  onBibliographyStatus(event) {
    if (event.kind === 'bibliography-progress' && get().bibliographyProgress !== null) set({ bibliographyProgress: event.progress ?? 0 });
  },
});
