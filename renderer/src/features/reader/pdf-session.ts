import type { FolioDrawnPrints } from '../../../../shared/annotations/folio-drawn.ts';
import { hideFolioDrawn } from './file-annotations.ts';
import { layImagesOver } from './page-images.ts';
import {
  ANNOTATION_MODE_STORAGE, EDITOR_DISABLED, EventBus, loadPdf, PDFFindController, PDFLinkService, PDFViewer,
  type PDFDocumentProxy, type PageViewport,
} from './pdfjs.ts';

export interface FindState {
  query: string;
  current: number;
  total: number;
  /** 'found', 'not-found', 'pending', 'wrapped' */
  status: string;
}

export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  pageCount: number;
  /** 1-based. */
  page: number;
  pageLabel: string;
  /** The actual scale (1 = 100 %). */
  scale: number;
  /** What was asked: a number as text, or 'page-width' / 'page-fit'. */
  scaleValue: string;
  find: FindState;
  canGoBack: boolean;
  /** The first page has been drawn: what is not on it (the sidebar's list, far pages' layers) may start. */
  painted: boolean;
}

/** A page of the open document as drawn now: its element and viewport (CSS pixels at the current scale). */
export interface RenderedPage {
  pageIndex: number;
  div: HTMLElement;
  viewport: PageViewport;
}

interface Position {
  page: number;
  top: number;
}

const INITIAL: SessionState = {
  status: 'loading', error: null, pageCount: 0, page: 1, pageLabel: '1', scale: 1, scaleValue: 'page-width',
  find: { query: '', current: 0, total: 0, status: '' }, canGoBack: false, painted: false,
};

const FIND_STATUS = ['found', 'not-found', 'wrapped', 'pending'] as const;

/**
 * One open PDF: pdf.js's viewer components (EventBus, PDFLinkService, PDFFindController, PDFViewer) wired
 * as in pdf.js's "simpleviewer" example, without the viewer app, scripting or editors. React reads its state
 * through `subscribe`; pages report themselves through `onPage` so the annotation overlay can follow zoom.
 */
export class PdfSession {
  readonly eventBus = new EventBus();
  readonly linkService = new PDFLinkService({ eventBus: this.eventBus });
  readonly findController = new PDFFindController({ eventBus: this.eventBus, linkService: this.linkService });
  readonly viewer: PDFViewer;
  document: PDFDocumentProxy | null = null;
  pageLabels: string[] | null = null;
  private state: SessionState = INITIAL;
  private listeners = new Set<() => void>();
  private pageListeners = new Set<(page: RenderedPage) => void>();
  private back: Position[] = [];
  private loading: ReturnType<typeof loadPdf> | null = null;
  private destroyed = false;
  private pagesReadyResolve: () => void = () => {};
  /** Resolves once the viewer has its pages (and the kept place applied): a jump before that would be lost. */
  readonly pagesReady: Promise<void> = new Promise((resolve) => {
    this.pagesReadyResolve = resolve;
  });

  readonly container: HTMLDivElement;

  constructor(container: HTMLDivElement, viewerDiv: HTMLDivElement) {
    this.container = container;
    this.viewer = new PDFViewer({
      container,
      viewer: viewerDiv,
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      textLayerMode: 1,
      annotationMode: ANNOTATION_MODE_STORAGE,
      annotationEditorMode: EDITOR_DISABLED,
      removePageBorders: false,
      // Records where each page's images are drawn (page-images.ts keeps them in colour on dark pages); no
      // image is this large, so pdf.js adds none of its right-click placeholders to the text layer.
      imagesRightClickMinSize: 1e9,
    });
    this.linkService.setViewer(this.viewer);
    this.wireEvents();
    this.wrapLinkJumps();
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onPage(listener: (page: RenderedPage) => void): () => void {
    this.pageListeners.add(listener);
    return () => this.pageListeners.delete(listener);
  }

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** `folioDrawn`: the file's annotation objects that Folio draws itself, which pdf.js must not draw too. */
  async open(url: string, place: { page: number; scale: string } | null, folioDrawn: FolioDrawnPrints = new Map()): Promise<void> {
    performance.mark('folio:reader:open');
    this.loading = loadPdf(url);
    try {
      const doc = await this.loading.promise;
      if (this.destroyed) return;
      performance.mark('folio:reader:document');
      this.document = doc;
      // Labels come from the worker; the first page need not wait for them.
      void doc.getPageLabels().catch(() => null).then((labels) => {
        if (this.destroyed || !labels) return;
        this.pageLabels = labels;
        this.update({ pageLabel: this.labelOf(this.state.page - 1) });
      });
      // Before any page is drawn: the file's copies of Folio's own annotations are not drawn under them.
      if (folioDrawn.size > 0) await hideFolioDrawn(doc, folioDrawn);
      if (this.destroyed) return;
      this.eventBus.on('pagesinit', () => {
        performance.mark('folio:reader:pagesinit');
        this.viewer.currentScaleValue = place?.scale ?? 'page-width';
        if (place && place.page > 1 && place.page <= doc.numPages) this.viewer.currentPageNumber = place.page;
        this.pagesReadyResolve();
      }, { once: true });
      this.viewer.setDocument(doc);
      this.linkService.setDocument(doc, null);
      this.update({ status: 'ready', pageCount: doc.numPages, page: 1, pageLabel: this.labelOf(0) });
    } catch (error) {
      if (this.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      this.update({ status: 'error', error: message });
    }
  }

  labelOf(pageIndex: number): string {
    return this.pageLabels?.[pageIndex] ?? String(pageIndex + 1);
  }

  /** The page as drawn now, or null when it has no view yet. */
  renderedPage(pageIndex: number): RenderedPage | null {
    const view = this.viewer.getPageView(pageIndex) as { div?: HTMLElement; viewport?: PageViewport } | undefined;
    if (!view?.div || !view.viewport) return null;
    return { pageIndex, div: view.div, viewport: view.viewport };
  }

  /** The pages whose canvas pdf.js holds now (those on screen and a few around them). */
  drawnPages(): RenderedPage[] {
    const pages: RenderedPage[] = [];
    for (const div of this.container.querySelectorAll<HTMLElement>('.page[data-loaded]')) {
      const page = this.renderedPage(Number(div.dataset.pageNumber) - 1);
      if (page?.div.querySelector('.canvasWrapper')) pages.push(page);
    }
    return pages;
  }

  private wireEvents(): void {
    const bus = this.eventBus;
    bus.on('pagechanging', (e: { pageNumber: number }) => {
      this.update({ page: e.pageNumber, pageLabel: this.labelOf(e.pageNumber - 1) });
    });
    bus.on('scalechanging', (e: { scale: number; presetValue?: string }) => {
      this.update({ scale: e.scale, scaleValue: e.presetValue ?? String(e.scale) });
    });
    const onFind = (e: { state?: number; matchesCount?: { current: number; total: number } }) => {
      const find = { ...this.state.find };
      if (e.matchesCount) {
        find.current = e.matchesCount.current;
        find.total = e.matchesCount.total;
      }
      if (typeof e.state === 'number') find.status = FIND_STATUS[e.state] ?? '';
      this.update({ find });
    };
    bus.on('updatefindmatchescount', onFind);
    bus.on('updatefindcontrolstate', onFind);
    const report = (e: { pageNumber: number }) => {
      const page = this.renderedPage(e.pageNumber - 1);
      if (page) this.pageListeners.forEach((l) => l(page));
    };
    bus.on('pagerendered', report);
    bus.on('pagerendered', (e: { pageNumber: number }) => {
      const view = this.viewer.getPageView(e.pageNumber - 1);
      if (view?.canvas && view.div) layImagesOver(view.div, view.canvas, view.pdfPage?.imageCoordinates ?? null);
    });
    bus.on('pagerendered', () => {
      performance.mark('folio:reader:first-page');
      this.update({ painted: true });
    }, { once: true });
    bus.on('textlayerrendered', report);
  }

  /** Every jump through a link (or the outline) records where the reader was, for Back. */
  private wrapLinkJumps(): void {
    const goTo = this.linkService.goToDestination.bind(this.linkService);
    this.linkService.goToDestination = async (dest: string | unknown[]) => {
      this.pushPosition();
      await goTo(dest);
    };
    const goToPage = this.linkService.goToPage.bind(this.linkService);
    this.linkService.goToPage = (value: number | string) => {
      this.pushPosition();
      goToPage(value);
    };
  }

  private pushPosition(): void {
    this.back = [...this.back, { page: this.state.page, top: this.container.scrollTop }].slice(-100);
    this.update({ canGoBack: true });
  }

  goBack(): void {
    const last = this.back.at(-1);
    if (!last) return;
    this.back = this.back.slice(0, -1);
    this.container.scrollTop = last.top;
    this.update({ canGoBack: this.back.length > 0 });
  }

  goToPage(page: number): void {
    if (!this.document) return;
    const clamped = Math.max(1, Math.min(this.document.numPages, Math.round(page)));
    this.viewer.currentPageNumber = clamped;
  }

  /** Scrolls so that a PDF point of a page is near the top of the view. */
  showPoint(pageIndex: number, x: number, y: number): void {
    this.pushPosition();
    this.viewer.scrollPageIntoView({ pageNumber: pageIndex + 1, destArray: [null, { name: 'XYZ' }, x, y + 40, null] });
  }

  setScale(value: string): void {
    this.viewer.currentScaleValue = value;
  }

  zoom(steps: number, origin?: [number, number]): void {
    this.viewer.updateScale({ steps, ...(origin ? { origin } : {}) });
  }

  zoomBy(factor: number, origin?: [number, number]): void {
    this.viewer.updateScale({ scaleFactor: factor, ...(origin ? { origin } : {}) });
  }

  find(query: string, previous = false, again = false): void {
    this.update({ find: { ...this.state.find, query } });
    this.eventBus.dispatch('find', {
      source: this, type: again ? 'again' : '', query, caseSensitive: false, entireWord: false,
      highlightAll: true, findPrevious: previous, matchDiacritics: false,
    });
  }

  closeFind(): void {
    this.eventBus.dispatch('findbarclose', { source: this });
    this.update({ find: { query: '', current: 0, total: 0, status: '' } });
  }

  /** After the view was hidden and shown again, or resized. */
  refresh(): void {
    this.viewer.update();
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    this.listeners.clear();
    this.pageListeners.clear();
    this.viewer.setDocument(null as unknown as PDFDocumentProxy);
    this.linkService.setDocument(null, null);
    await this.loading?.destroy();
  }
}
