import { dispatchApiCall } from '../../../shared/api/api-dispatch.ts';
import { fromWireError } from '../../../shared/api/api-error.ts';
import type { ApiArgs, ApiMethodName, ApiReturn } from '../../../shared/api/api-methods.ts';
import type {
  AttachRequest, LookupRequest, LookupResponse, PdfPayload, SaveRequest, SaveResponse, StatusResponse,
} from '../../../shared/api/connector-protocol.ts';
import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { CollectionId, ItemId } from '../../../shared/model/ids.ts';
import { describeSources, readPageMetadata } from '../../../shared/formats/html-meta/index.ts';
import type { ConnectorState } from './connector-state.ts';

/**
 * What the connector does, in terms of the API only: every call goes through dispatchApiCall, so the
 * connector gets exactly the argument checks a window's call gets, and nothing here writes the library.
 */
export class ConnectorSaves {
  private readonly api: FolioApi;
  private readonly state: ConnectorState;

  constructor(api: FolioApi, state: ConnectorState) {
    this.api = api;
    this.state = state;
  }

  private async call<M extends ApiMethodName>(method: M, ...args: ApiArgs<M>): Promise<ApiReturn<M>> {
    const result = await dispatchApiCall(this.api, method, args);
    if (!result.ok) throw fromWireError(result.error);
    return result.value as ApiReturn<M>;
  }

  async status(): Promise<StatusResponse> {
    const [info, collections] = await Promise.all([this.call('library.info'), this.call('collections.list')]);
    const byId = new Map(collections.map((c) => [c.id as string, c]));
    const path = (id: string): string => {
      const names: string[] = [];
      for (let c = byId.get(id); c && names.length < 20; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
      return names.join(' › ');
    };
    const list = collections.map((c) => ({ id: c.id as string, path: path(c.id) })).sort((a, b) => a.path.localeCompare(b.path));
    return { library: info.name, collections: list };
  }

  async lookup(request: LookupRequest): Promise<LookupResponse> {
    if (!request.doi && !request.arxivId) return { match: null };
    const match = await this.call('lookup.findInLibrary', { doi: request.doi, arxivId: request.arxivId });
    return { match: match ? { ...match, itemId: match.itemId as string } : null };
  }

  private async attachPdf(itemId: string, pdf: PdfPayload | null): Promise<Pick<SaveResponse, 'pdf' | 'pdfMessage' | 'hasPdf'>> {
    if (!pdf) return { pdf: 'none', hasPdf: false };
    try {
      const result = await this.call('attachments.importPdf', pdf.fileName, pdf.dataBase64, itemId as ItemId);
      // The same file (by sha256) already in the library is not copied again.
      return { pdf: result.duplicateOf ? 'already-attached' : 'attached', hasPdf: true };
    } catch (error) {
      return { pdf: 'failed', pdfMessage: (error as Error).message, hasPdf: false };
    }
  }

  /** Saves a page or a PDF: answered from the record when its idempotency key was seen, "exists" when the library has the paper. */
  async save(request: SaveRequest): Promise<SaveResponse> {
    const earlier = await this.state.delivery(request.idempotencyKey);
    if (earlier) return { ...earlier, replayed: true };
    const response = request.kind === 'pdf' ? await this.savePdf(request) : await this.savePage(request);
    await this.state.recordDelivery(request.idempotencyKey, response, new Date().toISOString());
    return response;
  }

  /** A PDF opened in the browser: the PDF import reads DOI, arXiv id and title from the file, and finds the item it belongs to. */
  private async savePdf(request: SaveRequest): Promise<SaveResponse> {
    if (!request.pdf) throw new SaveRefused('a PDF save carries no PDF');
    const result = await this.call('attachments.importPdf', request.pdf.fileName, request.pdf.dataBase64, null);
    const { item } = result;
    if (result.created) {
      if (request.collectionId) await this.call('collections.addItems', request.collectionId as CollectionId, [item.id]);
      if (request.tags.length > 0) await this.call('library.addTags', [item.id], request.tags);
    }
    return {
      status: result.created ? 'created' : 'exists', itemId: item.id, citationKey: item.citationKey, title: item.csl.title ?? item.citationKey,
      pdf: result.duplicateOf ? 'already-attached' : 'attached', hasPdf: true, sources: 'PDF', replayed: false,
    };
  }

  private async savePage(request: SaveRequest): Promise<SaveResponse> {
    const meta = readPageMetadata(request.html, request.pageUrl);
    const sources = describeSources(meta.sources);
    const existing = await this.lookup({ doi: meta.paper.doi ?? null, arxivId: meta.paper.arxivId ?? null });
    let response: SaveResponse;
    if (existing.match) {
      const { match } = existing;
      const pdf = match.hasPdf ? { pdf: 'already-attached' as const, hasPdf: true } : await this.attachPdf(match.itemId, request.pdf);
      response = { status: 'exists', itemId: match.itemId, citationKey: match.citationKey, title: match.title, ...pdf, sources, replayed: false };
    } else {
      const report = await this.call('io.importText', {
        text: request.html, fileName: request.pageUrl, format: 'html', pageUrl: request.pageUrl, collectionId: request.collectionId as never,
      });
      const itemId = report.itemIds[0];
      if (!itemId) throw new SaveRefused(report.skipped[0]?.reason ?? 'the page describes no paper');
      if (request.tags.length > 0) await this.call('library.addTags', [itemId], request.tags);
      const item = await this.call('library.getItem', itemId);
      const pdf = await this.attachPdf(itemId, request.pdf);
      response = { status: 'created', itemId, citationKey: item.citationKey, title: item.csl.title ?? item.citationKey, ...pdf, sources, replayed: false };
    }
    return response;
  }

  /** "Attach PDF" for an item the library had without one. */
  async attach(request: AttachRequest): Promise<SaveResponse> {
    const earlier = await this.state.delivery(request.idempotencyKey);
    if (earlier) return { ...earlier, replayed: true };
    const item = await this.call('library.getItem', request.itemId as ItemId);
    const pdf = await this.attachPdf(item.id, request.pdf);
    const response: SaveResponse = { status: 'exists', itemId: item.id, citationKey: item.citationKey, title: item.csl.title ?? item.citationKey, ...pdf, sources: '', replayed: false };
    if (pdf.pdf !== 'failed') await this.state.recordDelivery(request.idempotencyKey, response, new Date().toISOString());
    return response;
  }
}

/** A page Folio cannot make an item of: answered 422 with the reason. */
export class SaveRefused extends Error {}
