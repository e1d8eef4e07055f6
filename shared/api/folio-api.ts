import type { Collection } from '../model/collection.ts';
import type { CollectionId, ItemId } from '../model/ids.ts';
import type { Item, ItemRow } from '../model/item.ts';
import type {
  AutoExportDraft, AutoExportStatus, ExportRequest, ExportResult, ImportReport, ImportRequest, ItemDraft, ItemPatch,
  KeyChange, LibraryChangedEvent, LibraryInfo, MenuCommand, StatusEvent, UiState, Unsubscribe,
} from './api-types.ts';

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
    /** Purges every trashed item; returns how many. */
    emptyTrash(): Promise<number>;
    addTags(ids: ItemId[], tags: string[]): Promise<void>;
    removeTags(ids: ItemId[], tags: string[]): Promise<void>;
    allTags(): Promise<string[]>;
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
  io: {
    importText(request: ImportRequest): Promise<ImportReport>;
    /** Moves every item of an import batch to the trash. */
    undoImport(batchId: string): Promise<number>;
    export(request: ExportRequest): Promise<ExportResult>;
    /** "\cite{key1,key2}" with the configured command, or the one given. */
    citeCommand(ids: ItemId[], command: string | null): Promise<string>;
    listAutoExports(): Promise<AutoExportStatus[]>;
    addAutoExport(draft: AutoExportDraft): Promise<AutoExportStatus>;
    removeAutoExport(id: string): Promise<void>;
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
    /** Opens http(s)/mailto/doi links through the allowlist. */
    openExternal(url: string): Promise<void>;
  };
}

/** Events pushed from the host. Each returns its unsubscribe function. */
export interface FolioEvents {
  onLibraryChanged(listener: (event: LibraryChangedEvent) => void): Unsubscribe;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  onStatus(listener: (event: StatusEvent) => void): Unsubscribe;
}

/** What the preload exposes as `window.folio`, and what the web client builds. */
export interface FolioBridge extends FolioApi {
  events: FolioEvents;
}

export type FolioEventName = keyof FolioEvents;
export const FOLIO_EVENT_NAMES: readonly FolioEventName[] = ['onLibraryChanged', 'onMenuCommand', 'onStatus'];

export type FolioEventPayload = {
  onLibraryChanged: LibraryChangedEvent;
  onMenuCommand: MenuCommand;
  onStatus: StatusEvent;
};

/** One event on the wire. */
export type FolioEventMessage = { [E in FolioEventName]: { event: E; payload: FolioEventPayload[E] } }[FolioEventName];
