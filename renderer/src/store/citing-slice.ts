import type { AutoExportDraft, AutoExportStatus } from '../../../shared/api/io-types.ts';
import type { ExportFormat, ExportScope } from '../../../shared/api/api-primitives.ts';
import type { KeyChange } from '../../../shared/api/library-types.ts';
import type { StatusEvent } from '../../../shared/api/event-types.ts';
import type { BibliographyStyleInfo, CitedExportResult } from '../../../shared/api/bibliography-types.ts';
import type { SettingsPatch } from '../../../shared/api/settings-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { LibrarySettings } from '../../../shared/model/library-doc.ts';
import { bibliographyHtmlToText } from '../html/bibliography-html.ts';
import { sanitizeHtml } from '../html/sanitize.ts';
import { copyText, getFolio, saveTextFile } from '../platform/index.ts';
import { copyTextAndHtml } from '../platform/rich-clipboard.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface BibliographySlice {
  styles: BibliographyStyleInfo[];
  settings: LibrarySettings | null;
  autoExports: AutoExportStatus[];
  /** 0..1 while a bibliography is being formatted, else null. */
  bibliographyProgress: number | null;
  loadStyles(): Promise<void>;
  /** Formats and copies; 'html' puts sanitised HTML and plain text on the clipboard. */
  copyBibliography(scope: ExportScope, style: string, kind: 'text' | 'html'): Promise<void>;
  loadSettings(): Promise<void>;
  /** Saves; resolves to the error message when the host refuses the change, else null. */
  saveSettings(patch: SettingsPatch): Promise<string | null>;
  copyCiteAs(ids: readonly ItemId[], command: string): Promise<void>;
  loadAutoExports(): Promise<void>;
  addAutoExport(draft: AutoExportDraft): Promise<string | null>;
  removeAutoExport(id: string): Promise<void>;
  exportCited(text: string, fileName: string, format: ExportFormat): Promise<CitedExportResult | null>;
  saveCitedExport(result: CitedExportResult, format: ExportFormat): Promise<void>;
  copyCitedExport(result: CitedExportResult): Promise<void>;
  previewKeyRegeneration(ids: readonly ItemId[]): Promise<KeyChange[] | null>;
  regenerateKeys(ids: readonly ItemId[]): Promise<void>;
  /** Host status events this slice owns (formatting progress, auto-export results). */
  onBibliographyStatus(event: StatusEvent): void;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const createBibliographySlice: SliceCreator<BibliographySlice> = (set, get) => ({
  styles: [],
  settings: null,
  autoExports: [],
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

  async loadSettings() {
    try {
      set({ settings: await getFolio().settings.get() });
    } catch (error) {
      get().pushToast('error', `Could not read the settings: ${errorMessage(error)}`);
    }
  },

  async saveSettings(patch) {
    try {
      set({ settings: await getFolio().settings.update(patch) });
      get().pushToast('info', 'Settings saved');
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async copyCiteAs(ids, command) {
    if (ids.length === 0) return;
    try {
      const cite = await getFolio().io.citeCommand([...ids], command);
      await copyText(cite);
      get().pushToast('info', `Copied ${cite.length > 80 ? `${cite.slice(0, 77)}…` : cite}`);
    } catch (error) {
      get().pushToast('error', `Could not copy the citation: ${errorMessage(error)}`);
    }
  },

  async loadAutoExports() {
    try {
      set({ autoExports: await getFolio().io.listAutoExports() });
    } catch (error) {
      get().pushToast('error', `Could not list auto-exports: ${errorMessage(error)}`);
    }
  },

  async addAutoExport(draft) {
    try {
      // A target that cannot be written is still added; its failure arrives as an 'auto-export-error' toast.
      await getFolio().io.addAutoExport(draft);
      await get().loadAutoExports();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async removeAutoExport(id) {
    try {
      await getFolio().io.removeAutoExport(id);
      await get().loadAutoExports();
    } catch (error) {
      get().pushToast('error', `Could not remove the auto-export: ${errorMessage(error)}`);
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
    if (event.kind === 'bibliography-progress') {
      if (get().bibliographyProgress !== null) set({ bibliographyProgress: event.progress ?? 0 });
    } else if (event.kind === 'auto-export-error') {
      get().pushToast('error', event.message);
      void get().loadAutoExports();
    } else if (event.kind === 'auto-export' && get().dialog?.kind === 'auto-export') {
      void get().loadAutoExports();
    }
  },
});
