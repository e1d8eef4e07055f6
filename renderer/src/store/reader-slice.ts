import { folioDrawnPrints, type FolioDrawnPrints } from '../../../shared/annotations/folio-drawn.ts';
import { READER_PLACES_MAX, type ReaderPlace, type ReaderTabRef } from '../../../shared/api/ui-types.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import type { Attachment, Item } from '../../../shared/model/item.ts';
import { attachmentFileUrl, getFolio } from '../platform/index.ts';
import type { ReaderLink } from '../html/reader-links.ts';
import { asAttachmentId, asItemId } from '../../../shared/model/ids.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

/** One open PDF: a tab beside the library. */
export interface ReaderTab {
  /** The attachment's id: a PDF is open at most once. */
  id: AttachmentId;
  itemId: ItemId;
  attachment: Attachment;
  title: string;
  url: string;
  /** The file's annotation objects that the item's annotations were imported from, as the tab was opened. */
  folioDrawn: FolioDrawnPrints;
}

/** Asks the open reader to scroll somewhere: a page, or an annotation. `nonce` makes a repeat a new request. */
export interface ReaderJump {
  tabId: AttachmentId;
  pageIndex?: number;
  annotationId?: string;
  nonce: number;
}

export interface ReaderSlice {
  readerTabs: ReaderTab[];
  /** The tab in front; null is the library. */
  activeTab: AttachmentId | null;
  readerPlaces: Record<string, ReaderPlace>;
  readerDarkPages: boolean;
  readerJump: ReaderJump | null;
  /** Bumped by Ctrl/Cmd+F (or the menu's Find) while a reader is in front: it opens its find bar. */
  readerFindRequest: number;
  requestReaderFind(): void;
  /** Opens the item's PDF (the given one, or its first) in a tab. False when the item has none. */
  openReader(itemId: ItemId, attachmentId?: AttachmentId): Promise<boolean>;
  /** A note's link into the reader: the PDF, then its page or annotation. */
  openReaderAt(link: ReaderLink): Promise<void>;
  /**
   * The tabs open when the window was last left, after a restart: each whose item still has that PDF comes back in
   * its place, and the one in front comes to the front. A tab's PDF is opened when the tab is first shown.
   */
  restoreReaderTabs(tabs: readonly ReaderTabRef[], active: string | null): Promise<void>;
  closeReader(id: AttachmentId): void;
  activateTab(id: AttachmentId | null): void;
  /** Cycles through the tabs, the library first (Ctrl+Tab). */
  cycleTab(step: 1 | -1): void;
  rememberReaderPlace(key: string, page: number, scale: string): void;
  setReaderDarkPages(on: boolean): void;
  jumpInReader(jump: Omit<ReaderJump, 'nonce'>): void;
}

const isPdf = (a: Attachment): boolean => a.mediaType === 'application/pdf' || /\.pdf$/i.test(a.path);

/** The item's tab for that PDF (its first when no id is given), or null when it has no such PDF. */
function tabOf(item: Item, attachmentId?: AttachmentId): ReaderTab | null {
  const attachment = item.attachments.find((a) => (attachmentId === undefined ? isPdf(a) : a.id === attachmentId));
  if (!attachment || !isPdf(attachment)) return null;
  const title = typeof item.csl.title === 'string' && item.csl.title.trim() ? item.csl.title : attachment.fileName;
  const folioDrawn = folioDrawnPrints(item.annotations, attachment.id);
  return { id: attachment.id, itemId: item.id, attachment, title, url: attachmentFileUrl(attachment.path), folioDrawn };
}

export const createReaderSlice: SliceCreator<ReaderSlice> = (set, get) => ({
  readerTabs: [],
  activeTab: null,
  readerPlaces: {},
  readerDarkPages: true,
  readerJump: null,
  readerFindRequest: 0,

  requestReaderFind() {
    set({ readerFindRequest: get().readerFindRequest + 1 });
  },

  async openReader(itemId, attachmentId) {
    const open = get().readerTabs.find((t) => t.itemId === itemId && (attachmentId === undefined || t.id === attachmentId));
    if (open) {
      set({ activeTab: open.id });
      return true;
    }
    // The row's first click loaded it into the details pane (kept current by change events): a double-click need
    // not fetch it again, with every annotation in it, before the reader can start.
    const shown = get().detail;
    let item;
    try {
      item = shown?.id === itemId ? shown : await getFolio().library.getItem(itemId);
    } catch (error) {
      get().pushToast('error', `Could not open the PDF: ${errorMessage(error)}`);
      return false;
    }
    const tab = tabOf(item, attachmentId);
    if (!tab) return false;
    // A concurrent open of the same PDF may have won.
    if (!get().readerTabs.some((t) => t.id === tab.id)) set({ readerTabs: [...get().readerTabs, tab] });
    set({ activeTab: tab.id });
    return true;
  },

  async openReaderAt(link) {
    const itemId = asItemId(link.itemId);
    const opened = await get().openReader(itemId, link.attachmentId ? asAttachmentId(link.attachmentId) : undefined);
    const tab = get().activeTab;
    if (!opened || tab === null) {
      get().pushToast('error', 'That PDF is no longer in the library.');
      return;
    }
    if (link.annotationId) {
      if (!get().annotationsByItem[itemId]) await get().loadAnnotations(itemId);
      get().selectAnnotations(itemId, [link.annotationId]);
      get().jumpInReader({ tabId: tab, annotationId: link.annotationId, ...(link.pageIndex !== null ? { pageIndex: link.pageIndex } : {}) });
    } else if (link.pageIndex !== null) {
      get().jumpInReader({ tabId: tab, pageIndex: link.pageIndex });
    }
  },

  async restoreReaderTabs(refs, active) {
    const items = await Promise.all(refs.map(async (ref) => {
      try {
        return await getFolio().library.getItem(asItemId(ref.itemId));
      } catch {
        // Deleted (or purged) since: its tab does not come back.
        return null;
      }
    }));
    const restored: ReaderTab[] = [];
    refs.forEach((ref, i) => {
      const item = items[i];
      const tab = item?.trashedAt === null ? tabOf(item, asAttachmentId(ref.attachmentId)) : null;
      if (tab) restored.push(tab);
    });
    if (restored.length === 0) return;
    // Tabs the user opened while these were fetched stay, after the restored ones.
    const opened = get().readerTabs.filter((t) => !restored.some((r) => r.id === t.id));
    set({ readerTabs: [...restored, ...opened] });
    if (get().activeTab === null && active !== null && restored.some((t) => t.id === active)) set({ activeTab: active as AttachmentId });
  },

  closeReader(id) {
    const tabs = get().readerTabs;
    const index = tabs.findIndex((t) => t.id === id);
    if (index < 0) return;
    const rest = tabs.filter((t) => t.id !== id);
    const active = get().activeTab === id ? (rest[Math.min(index, rest.length - 1)]?.id ?? null) : get().activeTab;
    set({ readerTabs: rest, activeTab: active });
  },

  activateTab(id) {
    if (id === null || get().readerTabs.some((t) => t.id === id)) set({ activeTab: id });
  },

  cycleTab(step) {
    const order: (AttachmentId | null)[] = [null, ...get().readerTabs.map((t) => t.id)];
    const at = order.indexOf(get().activeTab);
    set({ activeTab: order[(at + step + order.length) % order.length] ?? null });
  },

  rememberReaderPlace(key, page, scale) {
    const before = get().readerPlaces[key];
    if (before && before.page === page && before.scale === scale) return;
    const places = { ...get().readerPlaces, [key]: { page, scale, at: Date.now() } };
    const keys = Object.keys(places);
    if (keys.length > READER_PLACES_MAX) {
      const oldest = keys.sort((a, b) => (places[a]?.at ?? 0) - (places[b]?.at ?? 0)).slice(0, keys.length - READER_PLACES_MAX);
      for (const k of oldest) delete places[k];
    }
    set({ readerPlaces: places });
  },

  setReaderDarkPages(on) {
    set({ readerDarkPages: on });
  },

  jumpInReader(jump) {
    set({ readerJump: { ...jump, nonce: (get().readerJump?.nonce ?? 0) + 1 } });
  },
});
