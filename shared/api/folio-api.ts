import type { Collection } from '../model/collection.ts';
import type { AttachmentId, CollectionId, ItemId } from '../model/ids.ts';
import type { Item, ItemRow } from '../model/item.ts';
import type { LibrarySettings } from '../model/library-doc.ts';
import type { ItemDraft, ItemPatch, KeyChange, LibraryInfo } from './library-types.ts';
import type { AutoExportDraft, AutoExportStatus, ExportRequest, ExportResult, ImportReport, ImportRequest } from './io-types.ts';
import type { UiState } from './ui-types.ts';
import type { AddByIdentifiersResult, RetryPendingResult } from './lookup-types.ts';
import type { PdfImportResult } from './attachments-types.ts';
import type { DuplicateCandidatePair, MergePair, MergeRequest } from './duplicates-types.ts';
import type { BibliographyRequest, BibliographyResult, BibliographyStyleInfo, CitedExportRequest, CitedExportResult } from './bibliography-types.ts';
import type { SettingsPatch } from './settings-types.ts';
import type { FolioEvents } from './api-events.ts';
import type { RelatedInfo, SavedSearchInfo, SearchAnswer, SearchRequestBody } from './search-types.ts';
import type { SavedSearch } from '../model/library-doc.ts';
import type { LibraryCounts, ViewIds, ViewPage, ViewPositions, ViewQuery } from './view-types.ts';
import type { IdentifierMatch, IdentifierQuery, PairingPrompt } from './connector-types.ts';
import type { AnnotationDraft, AnnotationPatch, ReanchorResult } from './annotations-types.ts';
import type { Annotation } from '../model/annotation.ts';
import type { AnnotatedPdfFile, PdfAnnotationImportResult } from './pdf-annotations-types.ts';
import type { ConflictChoice, HistoryEntry, SyncExchangeResult, SyncStatus, UndoResult, UndoStatus } from './sync-types.ts';

/**
 * The one API contract. Implemented by the Electron main process (IPC) and by
 * the web host (loopback HTTP); the renderer reaches it through one client.
 * Every method takes and returns plain, serialisable data.
 */
export interface FolioApi {
  library: {
    info(): Promise<LibraryInfo>;
    /** Every item's row, trashed ones included (row.trashed). */
    listRows(): Promise<ItemRow[]>;
    rowsByIds(ids: ItemId[]): Promise<ItemRow[]>;
    getItem(id: ItemId): Promise<Item>;
    createItem(draft: ItemDraft): Promise<Item>;
    updateItem(id: ItemId, patch: ItemPatch): Promise<Item>;
    trash(ids: ItemId[]): Promise<void>;
    restore(ids: ItemId[]): Promise<void>;
    /** Purges every trashed item, with its notes and attachment files; returns how many. */
    emptyTrash(): Promise<number>;
    /** Purges the given items if they are in the trash (others are left alone); returns how many. */
    purge(ids: ItemId[]): Promise<number>;
    addTags(ids: ItemId[], tags: string[]): Promise<void>;
    removeTags(ids: ItemId[], tags: string[]): Promise<void>;
    allTags(): Promise<string[]>;
  };
  view: {
    /** The answer to `query` from `offset`, at most `limit` rows, with its totals and revision. */
    query(query: ViewQuery, offset: number, limit: number): Promise<ViewPage>;
    /** The ids of the answer in shown order (select all, Shift ranges, a selection in table order). */
    ids(query: ViewQuery, offset: number, limit: number): Promise<ViewIds>;
    /** Where each id sits in the answer (scrolling to the cursor, a restored selection). */
    locate(query: ViewQuery, ids: ItemId[]): Promise<ViewPositions>;
    /** The sidebar's counts: all, unfiled, trash and every tag. */
    counts(): Promise<LibraryCounts>;
  };
  collections: {
    list(): Promise<Collection[]>;
    create(name: string, parentId: CollectionId | null): Promise<Collection>;
    rename(id: CollectionId, name: string): Promise<Collection>;
    move(id: CollectionId, parentId: CollectionId | null): Promise<Collection>;
    /** Deletes the collection and its sub-collections; items stay in the library. */
    remove(id: CollectionId): Promise<void>;
    addItems(id: CollectionId, itemIds: ItemId[]): Promise<void>;
    removeItems(id: CollectionId, itemIds: ItemId[]): Promise<void>;
  };
  notes: {
    get(itemId: ItemId): Promise<string>;
    save(itemId: ItemId, markdown: string): Promise<void>;
  };
  annotations: {
    /** The item's annotations in page order (then top to bottom). */
    list(itemId: ItemId): Promise<Annotation[]>;
    create(itemId: ItemId, draft: AnnotationDraft): Promise<Annotation>;
    update(itemId: ItemId, annotationId: string, patch: AnnotationPatch): Promise<Annotation>;
    remove(itemId: ItemId, annotationIds: string[]): Promise<void>;
    /**
     * Appends one quote block per annotation (null: all of them), in page order, to the item's note, each with
     * its page label, comment and a folio://open link to its spot in the reader. Answers the new note.
     */
    addToNote(itemId: ItemId, annotationIds: string[] | null): Promise<string>;
    /** The annotations (null: all) as Markdown for Obsidian and Logseq: citation key heading, then each quote. */
    exportMarkdown(itemId: ItemId, annotationIds: string[] | null): Promise<string>;
    /**
     * Moves the item's annotations on other PDFs onto this one (a newer version, a publisher copy), each found
     * again by its quote; one that cannot be is kept as orphaned. Runs by itself when importPdf attaches a PDF.
     */
    reanchor(itemId: ItemId, attachmentId: AttachmentId): Promise<ReanchorResult>;
    /** A copy of the attachment with the item's annotations written in as standard PDF annotations (the file itself is untouched). */
    exportPdf(itemId: ItemId, attachmentId: AttachmentId): Promise<AnnotatedPdfFile>;
    /** Adds the annotation objects already in an attached PDF as Folio annotations; never twice. */
    importFromPdf(itemId: ItemId, attachmentId: AttachmentId): Promise<PdfAnnotationImportResult>;
  };
  io: {
    importText(request: ImportRequest): Promise<ImportReport>;
    /** Moves every item of an import batch to the trash. */
    undoImport(batchId: string): Promise<number>;
    /** Cancels a running import started with this jobId; the library stays as it was. False when no such job runs. */
    cancelImport(jobId: string): Promise<boolean>;
    export(request: ExportRequest): Promise<ExportResult>;
    /** "\cite{key1,key2}" with the configured command, or the one given. */
    citeCommand(ids: ItemId[], command: string | null): Promise<string>;
    listAutoExports(): Promise<AutoExportStatus[]>;
    addAutoExport(draft: AutoExportDraft): Promise<AutoExportStatus>;
    removeAutoExport(id: string): Promise<void>;
    /** Marks a target shared (synced to the other devices) or this device's own again. */
    setAutoExportShared(id: string, shared: boolean): Promise<AutoExportStatus>;
  };
  keys: {
    /** Proposed new keys, without changing anything. Pinned items are left out. */
    previewRegenerate(ids: ItemId[]): Promise<KeyChange[]>;
    regenerate(ids: ItemId[]): Promise<KeyChange[]>;
    setKey(id: ItemId, key: string): Promise<Item>;
    pin(ids: ItemId[], pinned: boolean): Promise<void>;
  };
  ui: {
    getState(): Promise<UiState>;
    setState(state: UiState): Promise<void>;
  };
  shell: {
    /** Save dialog + write (Electron). The web host answers UNSUPPORTED; its client downloads instead. */
    saveTextFile(suggestedName: string, text: string): Promise<string | null>;
    /** The system's folder picker (Electron): the chosen folder's absolute path, or null. The web host answers UNSUPPORTED; its window asks for a path. */
    chooseFolder(title: string): Promise<string | null>;
    /** Opens http(s)/mailto/doi links through the allowlist. */
    openExternal(url: string): Promise<void>;
    /** Opens an attachment with the system viewer (Electron). The web host answers UNSUPPORTED; its client opens the file URL. */
    openAttachment(itemId: ItemId, attachmentId: AttachmentId): Promise<void>;
  };
  bibliography: {
    listStyles(): Promise<BibliographyStyleInfo[]>;
    /** A formatted reference list (citeproc, in a worker); progress arrives as 'bibliography-progress' status events. */
    format(request: BibliographyRequest): Promise<BibliographyResult>;
    /** Exports exactly the entries a .aux or .tex cites, and names the cited keys the library lacks. */
    exportCited(request: CitedExportRequest): Promise<CitedExportResult>;
  };
  settings: {
    get(): Promise<LibrarySettings>;
    /** Validates, saves and returns the new settings. */
    update(patch: SettingsPatch): Promise<LibrarySettings>;
  };
  attachments: {
    /** Imports a PDF (base64, up to 200 MB): a new item, or attached to `itemId`. */
    importPdf(fileName: string, dataBase64: string, itemId: ItemId | null): Promise<PdfImportResult>;
  };
  lookup: {
    /** Finds DOIs, arXiv ids/URLs, ISBNs and Hugging Face paper URLs in free text and adds one item for each. */
    addByIdentifiers(text: string): Promise<AddByIdentifiersResult>;
    /** Fetches metadata again for items marked metadataPending. */
    retryPending(): Promise<RetryPendingResult>;
    /** The item (not in the trash) with this DOI or arXiv id, or null: "already in library". */
    findInLibrary(query: IdentifierQuery): Promise<IdentifierMatch | null>;
  };
  connector: {
    /** The browser extension waiting to be allowed, or null. Also pushed as onConnectorPairing. */
    pendingPairing(): Promise<PairingPrompt | null>;
    /** The user's answer from the window; only then does the extension get its token. */
    answerPairing(promptId: string, allow: boolean): Promise<void>;
  };
  search: {
    /** Ranked results of a query in the search language (docs/search.md); a malformed query answers its error. */
    query(request: SearchRequestBody): Promise<SearchAnswer>;
    /** The items most like this one, each with why. */
    related(id: ItemId, limit: number): Promise<RelatedInfo[]>;
    listSaved(): Promise<SavedSearchInfo[]>;
    /** Adds a saved search, or replaces the one named `previousName` (rename and edit). */
    save(name: string, query: string, previousName: string | null): Promise<SavedSearch>;
    removeSaved(name: string): Promise<void>;
  };
  duplicates: {
    /** Likely duplicate pairs among items not in the trash, minus pairs marked not-duplicate. */
    find(): Promise<DuplicateCandidatePair[]>;
    /** Merges `otherId` into `keepId` (whose key never changes) and moves the other item to the trash. */
    merge(request: MergeRequest): Promise<Item>;
    markNotDuplicate(a: ItemId, b: ItemId): Promise<void>;
    /** Merges each pair with the kept item's fields, gaps filled from the other. */
    mergeMany(pairs: MergePair[]): Promise<Item[]>;
  };
  sync: {
    status(): Promise<SyncStatus>;
    /**
     * Joins this library to a sync folder (created if missing; the first exchange publishes the library), or leaves
     * it (null). deviceName (null: keep) is the name other devices and the history show.
     */
    configure(folder: string | null, deviceName: string | null): Promise<SyncStatus>;
    /** One exchange now: publish this library's new operations, fold in the others'. */
    syncNow(): Promise<SyncExchangeResult>;
  };
  history: {
    /** Every recorded change of the item, newest first, from every device (docs/sync.md: history policy). */
    forItem(itemId: ItemId): Promise<HistoryEntry[]>;
    /** Puts the entry's old value back, as a new change (it syncs and can be undone). */
    revert(entryId: string): Promise<UndoResult>;
    /** Settles a same-field conflict: keep the winning value, or take the other one. entryId is the winning entry. */
    chooseConflict(entryId: string, choice: ConflictChoice): Promise<UndoResult>;
    /** Undoes this library's last `steps` changes (as new changes, so they sync); survives a restart. */
    undo(steps: number): Promise<UndoResult>;
    redo(steps: number): Promise<UndoResult>;
    undoStatus(): Promise<UndoStatus>;
  };
}

/** What the preload exposes as `window.folio`, and what the web client builds. */
export interface FolioBridge extends FolioApi {
  events: FolioEvents;
}
