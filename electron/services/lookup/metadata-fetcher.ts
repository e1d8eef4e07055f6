import { parseArxivAtom } from '../../../shared/formats/arxiv-atom/index.ts';
import type { CslItemData } from '../../../shared/model/csl.ts';
import { cleanFetchedCsl, openLibraryCsl } from './fetched-csl.ts';
import { LookupError } from './lookup-errors.ts';

export interface LookupOptions {
  /** Content negotiation host for DOIs; default https://doi.org. */
  doiBase?: string;
  /** arXiv API host; default https://export.arxiv.org. */
  arxivBase?: string;
  /** OpenLibrary-style ISBN host; default https://openlibrary.org. */
  isbnBase?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_LOOKUP = { doiBase: 'https://doi.org', arxivBase: 'https://export.arxiv.org', isbnBase: 'https://openlibrary.org', timeoutMs: 10_000 } as const;

const USER_AGENT = 'Folio/0.1 (offline reference manager; metadata lookup)';

/** Fetches metadata for DOIs, arXiv ids and ISBNs. Every failure is a LookupError with a reason a user can read. */
export class MetadataFetcher {
  private readonly options: Required<Omit<LookupOptions, 'fetch'>>;
  private readonly fetchImpl: typeof fetch;

  constructor(options: LookupOptions = {}) {
    this.options = {
      doiBase: (options.doiBase ?? DEFAULT_LOOKUP.doiBase).replace(/\/+$/, ''),
      arxivBase: (options.arxivBase ?? DEFAULT_LOOKUP.arxivBase).replace(/\/+$/, ''),
      isbnBase: (options.isbnBase ?? DEFAULT_LOOKUP.isbnBase).replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs ?? DEFAULT_LOOKUP.timeoutMs,
    };
    this.fetchImpl = options.fetch ?? fetch;
  }

  async doi(doi: string): Promise<CslItemData> {
    // DOIs may hold `/`, `<`, `#`: each segment is encoded, the slashes kept.
    const path = doi.split('/').map(encodeURIComponent).join('/');
    const body = await this.get(`${this.options.doiBase}/${path}`, 'application/vnd.citationstyles.csl+json', 'DOI');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new LookupError('bad-response', 'bad response: the DOI service did not send CSL-JSON');
    }
    const csl = cleanFetchedCsl(parsed);
    if (!csl) throw new LookupError('bad-response', 'bad response: the DOI record has no title');
    return csl;
  }

  async arxiv(id: string): Promise<CslItemData> {
    const body = await this.get(`${this.options.arxivBase}/api/query?id_list=${encodeURIComponent(id)}&max_results=1`, 'application/atom+xml', 'arXiv id');
    const entry = parseArxivAtom(body).find((e) => e.arxivId === id);
    if (!entry) throw new LookupError('not-found', 'arXiv id not found');
    return entry.csl;
  }

  async isbn(isbn: string): Promise<CslItemData> {
    const body = await this.get(`${this.options.isbnBase}/isbn/${encodeURIComponent(isbn)}.json`, 'application/json', 'ISBN');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new LookupError('bad-response', 'bad response: the ISBN service did not send JSON');
    }
    const csl = openLibraryCsl(parsed, isbn);
    if (!csl) throw new LookupError('bad-response', 'bad response: the ISBN record has no title');
    return csl;
  }

  private async get(url: string, accept: string, what: string): Promise<string> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { accept, 'user-agent': USER_AGENT },
        redirect: 'follow',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      throw new LookupError('offline', timedOut ? `offline: no answer within ${Math.round(this.options.timeoutMs / 1000)} s, will retry` : 'offline: will retry');
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      throw new LookupError('not-found', `${what} not found`);
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new LookupError('unavailable', `the service is unavailable (HTTP ${response.status}), will retry`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new LookupError('bad-response', `bad response (HTTP ${response.status})`);
    }
    try {
      return await response.text();
    } catch {
      throw new LookupError('offline', 'offline: the answer was cut off, will retry');
    }
  }
}
