import type { ItemId } from '../../../shared/model/ids.ts';
import type { Attachment } from '../../../shared/model/item.ts';
import { getFolio } from '../platform/index.ts';
import { parseView } from './logic/view.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface ImportJobState {
  id: string;
  label: string;
  progress: number;
}

/** Adding papers: pasted or dropped text with a preview, import jobs, identifiers, PDFs and their attachments. */
export interface IntakeSlice {
  importJob: ImportJobState | null;
  lookupBusy: boolean;
  /** Parses without adding anything and shows what would be added. */
  previewText(text: string, fileName: string): Promise<void>;
  /** Adds what the preview showed, with progress and cancel; then the report (with Undo). */
  commitText(text: string, fileName: string): Promise<void>;
  cancelImportJob(): Promise<void>;
  openAddIdentifiers(): void;
  addByIdentifiers(text: string): Promise<void>;
  retryPending(): Promise<void>;
  importPdfFiles(files: readonly File[], itemId?: ItemId | null): Promise<void>;
  openAttachment(itemId: ItemId, attachment: Attachment): Promise<void>;
}

/** 1.5 MB of base64 per chunk keeps the String.fromCharCode call under engine argument limits. */
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

export const createIntakeSlice: SliceCreator<IntakeSlice> = (set, get) => {
  const currentCollection = () => {
    const view = parseView(get().view);
    return view.kind === 'collection' ? view.id : null;
  };

  return {
    importJob: null,
    lookupBusy: false,

    async previewText(text, fileName) {
      try {
        const report = await getFolio().io.importText({ text, fileName, collectionId: currentCollection(), dryRun: true });
        get().openDialog({ kind: 'import-preview', text, fileName, report });
      } catch (error) {
        get().pushToast('error', `Nothing to import: ${errorMessage(error)}`);
      }
    },

    async commitText(text, fileName) {
      const id = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      if (get().dialog?.kind === 'import-preview') get().closeDialog();
      set({ importJob: { id, label: `Importing ${fileName}…`, progress: 0 } });
      const stop = getFolio().events.onStatus((event) => {
        if (event.kind !== 'import-progress' || get().importJob?.id !== id) return;
        set({ importJob: { id, label: event.message, progress: event.progress ?? 0 } });
      });
      try {
        const report = await getFolio().io.importText({ text, fileName, collectionId: currentCollection(), jobId: id });
        get().refreshRows(report.itemIds);
        if (get().view === 'trash') get().setView({ kind: 'all' });
        get().openDialog({ kind: 'import-report', report });
      } catch (error) {
        const message = errorMessage(error);
        get().pushToast(/cancelled/i.test(message) ? 'info' : 'error', /cancelled/i.test(message) ? message : `Import of ${fileName} failed: ${message}`);
      } finally {
        stop();
        set({ importJob: null });
      }
    },

    async cancelImportJob() {
      const job = get().importJob;
      if (job) await getFolio().io.cancelImport(job.id).catch(() => false);
    },

    openAddIdentifiers: () => get().openDialog({ kind: 'add-identifiers', result: null }),

    async addByIdentifiers(text) {
      set({ lookupBusy: true });
      try {
        const result = await getFolio().lookup.addByIdentifiers(text);
        get().refreshRows(result.created.map((r) => r.id));
        if (result.created.length > 0) get().selectIds(result.created.map((r) => r.id));
        get().openDialog({ kind: 'add-identifiers', result });
      } catch (error) {
        get().pushToast('error', `Could not add: ${errorMessage(error)}`);
      } finally {
        set({ lookupBusy: false });
      }
    },

    async retryPending() {
      set({ lookupBusy: true });
      try {
        const result = await getFolio().lookup.retryPending();
        await get().reloadRows();
        const still = result.stillPending > 0 ? `; ${plural(result.stillPending, 'item')} still waiting (${result.failures[0]?.reason ?? 'offline'})` : '';
        get().pushToast(result.stillPending > 0 ? 'error' : 'info', `Completed ${plural(result.completed, 'item')}${still}`);
      } catch (error) {
        get().pushToast('error', `Lookup failed: ${errorMessage(error)}`);
      } finally {
        set({ lookupBusy: false });
      }
    },

    async importPdfFiles(files, itemId = null) {
      const added: ItemId[] = [];
      for (const [index, file] of files.entries()) {
        get().setBusy(files.length > 1 ? `Importing PDFs (${index + 1} of ${files.length})…` : `Importing ${file.name}…`);
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const result = await getFolio().attachments.importPdf(file.name, toBase64(bytes), itemId);
          added.push(result.item.id);
          if (result.duplicateOf) get().pushToast('info', `${file.name} is already in the library (${result.item.citationKey})`);
          else if (!result.created) get().pushToast('info', `Attached ${file.name} to ${result.item.citationKey}`);
          const found = result.annotations?.imported ?? 0;
          if (found > 0) get().pushToast('info', `${file.name}: ${found} annotation${found === 1 ? '' : 's'} from the PDF added to ${result.item.citationKey}`);
        } catch (error) {
          get().pushToast('error', `${file.name}: ${errorMessage(error).replace(`${file.name}: `, '')}`);
        }
      }
      get().setBusy(null);
      if (added.length === 0) return;
      get().refreshRows(added);
      if (get().view === 'trash') get().setView({ kind: 'all' });
      get().selectIds([...new Set(added)]);
      if (added.length === 1) void get().loadDetail(added[0] ?? null);
    },

    async openAttachment(itemId, attachment) {
      try {
        await getFolio().shell.openAttachment(itemId, attachment.id);
      } catch (error) {
        get().pushToast('error', `Could not open ${attachment.fileName}: ${errorMessage(error)}`);
      }
    },
  };
};
