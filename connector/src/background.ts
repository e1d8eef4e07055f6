import {
  CONNECTOR_PATHS, type LookupResponse, type PairStartResponse, type PairStatusResponse, type SaveRequest, type SaveResponse, type StatusResponse,
} from '../../shared/api/connector-protocol.ts';
import { call, ConnectorError } from './connector-client.ts';
import type { PageSnapshot, PopupState, Request, SaveOutcome } from './messages.ts';
import { pdfFileName, popupPage, readSnapshot, type ReadPage } from './page-reading.ts';
import { enqueue, flushQueue, queued } from './save-queue.ts';

/** Service worker: reads pages, keeps the badge, pairs, saves, and queues saves while Folio is away. */

interface TabPage extends ReadPage {
  existing: LookupResponse['match'];
}
const pages = new Map<number, TabPage>();
let pairing: { pairingId: string; code: string } | null = null;

const saveable = (page: TabPage | undefined): page is TabPage => page?.kind === 'paper' || page?.kind === 'pdf';

/** The count of waiting saves on every tab; otherwise per tab: ✓ in the library, + a paper to save. */
async function badge(tabId?: number): Promise<void> {
  const waiting = (await queued()).length;
  const count = waiting > 0 ? String(waiting) : '';
  await chrome.action.setBadgeText({ text: count });
  if (waiting > 0) {
    await chrome.action.setBadgeBackgroundColor({ color: '#b45309' });
    await chrome.action.setTitle({ title: `${waiting} save${waiting === 1 ? '' : 's'} waiting for Folio` });
  } else {
    await chrome.action.setTitle({ title: 'Save to Folio' });
  }
  const tabs = tabId === undefined ? [...pages.keys()] : [tabId];
  for (const id of tabs) {
    const page = pages.get(id);
    const [text, color, title] = waiting > 0 ? [count, '#b45309', `${waiting} waiting for Folio`]
      : page?.existing ? ['✓', '#15803d', 'Already in your Folio library']
        : saveable(page) ? ['+', '#1d4ed8', page.kind === 'pdf' ? 'Save this PDF to Folio' : 'Save this paper to Folio']
          : ['', '#1d4ed8', 'Save to Folio'];
    await chrome.action.setBadgeText({ text, tabId: id }).catch(() => undefined);
    await chrome.action.setBadgeBackgroundColor({ color, tabId: id }).catch(() => undefined);
    await chrome.action.setTitle({ title, tabId: id }).catch(() => undefined);
  }
}

async function lookup(page: ReadPage): Promise<LookupResponse['match']> {
  if (!page.doi && !page.arxivId) return null;
  try {
    return (await call<LookupResponse>(CONNECTOR_PATHS.lookup, { doi: page.doi, arxivId: page.arxivId })).match;
  } catch {
    return null;
  }
}

async function remember(tabId: number, snapshot: PageSnapshot): Promise<TabPage> {
  const read = readSnapshot(snapshot);
  const before = pages.get(tabId);
  let existing = saveable({ ...read, existing: null }) ? await lookup(read) : null;
  // A PDF whose address names no identifier cannot be looked up: what its save answered stands for this tab.
  if (!read.doi && !read.arxivId && before?.snapshot.url === snapshot.url) existing = before.existing;
  const page: TabPage = { ...read, existing };
  pages.set(tabId, page);
  await badge(tabId);
  return page;
}

async function popupState(tabId: number): Promise<PopupState> {
  const got = await chrome.storage.local.get(['token', 'lastCollection', 'port']);
  // Asked afresh each time: the tab may have moved on since its content script last spoke.
  const snapshot = await chrome.tabs.sendMessage<PageSnapshot>(tabId, { kind: 'get-snapshot' }).catch(() => null);
  const page = snapshot ? await remember(tabId, snapshot) : pages.get(tabId);
  let reachable = true;
  let library: string | null = null;
  let collections: PopupState['collections'] = [];
  let paired = typeof got.token === 'string';
  if (!paired) {
    // Unpaired, Folio answers "not paired": that is enough to know it is there to pair with.
    reachable = await call(CONNECTOR_PATHS.status, {}).then(() => true, (error: unknown) => !(error instanceof ConnectorError && error.status === 0));
  } else {
    try {
      const status = await call<StatusResponse>(CONNECTOR_PATHS.status, {});
      ({ library, collections } = status);
      // Delivered first, so a page whose save was waiting shows as in the library.
      if (await flushQueue()) await badge(tabId);
      // Without an identifier to look up (a PDF at a plain address), what its save answered stands.
      if (saveable(page) && (page.doi || page.arxivId)) page.existing = await lookup(page);
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'NOT_PAIRED') paired = false;
      else reachable = false;
    }
  }
  return {
    page: page ? popupPage(page) : null,
    paired, reachable, library, pairing: pairing ? { code: pairing.code } : null, collections,
    lastCollection: typeof got.lastCollection === 'string' ? got.lastCollection : null,
    existing: page?.existing ? { itemId: page.existing.itemId, title: page.existing.title, hasPdf: page.existing.hasPdf } : null,
    queued: (await queued()).length,
    port: typeof got.port === 'number' ? got.port : 23140,
  };
}

async function startPairing(): Promise<{ code: string }> {
  const started = await call<PairStartResponse>(CONNECTOR_PATHS.pair, { browser: 'Chromium' });
  pairing = started;
  void (async () => {
    // Poll until the user answers in Folio's window (or the request expires there).
    for (let i = 0; i < 600 && pairing?.pairingId === started.pairingId; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const status = await call<PairStatusResponse>(CONNECTOR_PATHS.pairStatus, { pairingId: started.pairingId }).catch(() => null);
      if (!status || status.state === 'pending') continue;
      if (status.state === 'allowed' && status.token) await chrome.storage.local.set({ token: status.token });
      pairing = null;
      await flushQueue();
      await badge();
      return;
    }
  })();
  return { code: started.code };
}

/** The PDF's bytes, fetched by the content script in the page (the site's cookies apply), as base64. */
async function pdfFor(tabId: number, url: string | null): Promise<{ pdf: SaveRequest['pdf']; message?: string }> {
  if (!url) return { pdf: null };
  type Fetched = { ok: boolean; dataBase64?: string; message?: string };
  const got = await chrome.tabs.sendMessage<Fetched>(tabId, { kind: 'fetch-pdf', url })
    .catch((error: unknown): Fetched => ({ ok: false, message: `the page did not answer (${String(error)})` }));
  if (!got.ok || !got.dataBase64) return { pdf: null, message: got.message ?? 'the PDF could not be fetched' };
  return { pdf: { fileName: pdfFileName(url), dataBase64: got.dataBase64 } };
}

async function save(tabId: number, collectionId: string | null, tags: string[]): Promise<SaveOutcome> {
  const page = pages.get(tabId);
  if (!saveable(page)) return { ok: false, queued: false, message: 'This page does not describe a paper' };
  await chrome.storage.local.set({ lastCollection: collectionId });
  const fetched = page.existing?.hasPdf ? { pdf: null } : await pdfFor(tabId, page.pdfUrl);
  if (page.kind === 'pdf' && !fetched.pdf) return { ok: false, queued: false, message: `The PDF could not be read: ${fetched.message ?? 'no answer'}` };
  const request: SaveRequest = {
    idempotencyKey: crypto.randomUUID(), kind: page.kind === 'pdf' ? 'pdf' : 'page',
    pageUrl: page.snapshot.url, html: page.kind === 'pdf' ? '' : page.snapshot.html, collectionId, tags, pdf: fetched.pdf,
  };
  try {
    const response = await call<SaveResponse>(CONNECTOR_PATHS.save, request);
    page.existing = { itemId: response.itemId, citationKey: response.citationKey, title: response.title, hasPdf: response.hasPdf };
    await badge(tabId);
    return { ok: true, response };
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 0) {
      await enqueue(request);
      await badge(tabId);
      return { ok: false, queued: true, message: 'Folio is not running. The save waits here and is delivered when Folio is back.' };
    }
    return { ok: false, queued: false, message: (error as Error).message };
  }
}

async function attach(tabId: number, itemId: string): Promise<SaveOutcome> {
  const page = pages.get(tabId);
  const { pdf, message } = await pdfFor(tabId, page?.pdfUrl ?? null);
  if (!pdf) return { ok: false, queued: false, message: `No PDF could be fetched from this page${message ? `: ${message}` : ''}` };
  try {
    const response = await call<SaveResponse>(CONNECTOR_PATHS.attach, { idempotencyKey: crypto.randomUUID(), itemId, pdf });
    if (page?.existing) page.existing.hasPdf = response.hasPdf;
    return { ok: true, response };
  } catch (error) {
    return { ok: false, queued: false, message: (error as Error).message };
  }
}

chrome.runtime.onMessage.addListener((message: Request, sender, reply) => {
  const run = async (): Promise<unknown> => {
    switch (message.kind) {
      case 'snapshot': if (sender.tab?.id !== undefined) await remember(sender.tab.id, message.snapshot); return null;
      case 'popup-state': return popupState(message.tabId);
      case 'pair': return startPairing();
      case 'save': return save(message.tabId, message.collectionId, message.tags);
      case 'attach': return attach(message.tabId, message.itemId);
      case 'set-port':
        await chrome.storage.local.set({ port: message.port });
        pairing = null;
        return null;
    }
  };
  run().then(reply, (error: unknown) => reply({ ok: false, queued: false, message: error instanceof Error ? error.message : String(error) }));
  return true;
});

chrome.tabs.onRemoved.addListener((tabId) => void pages.delete(tabId));
chrome.alarms.create('flush-queue', { periodInMinutes: 0.5 });
chrome.alarms.onAlarm.addListener(() => void flushQueue().then(() => badge()).catch(() => undefined));
