import { CONNECTOR_PATHS, type LookupResponse, type PairStartResponse, type PairStatusResponse, type SaveRequest, type SaveResponse, type StatusResponse } from '../../shared/api/connector-protocol.ts';
import { describeSources, readPageMetadata, type PageMetadata } from '../../shared/formats/html-meta/index.ts';
import { nameFamily } from '../../shared/model/csl.ts';
import { call, ConnectorError } from './connector-client.ts';
import type { PageSnapshot, PopupState, Request, SaveOutcome } from './messages.ts';

/** Service worker: reads pages, keeps the badge, pairs, saves, and queues saves while Folio is away. */

const pages = new Map<number, { snapshot: PageSnapshot; meta: PageMetadata; existing: LookupResponse['match'] }>();
let pairing: { pairingId: string; code: string } | null = null;

async function queue(): Promise<SaveRequest[]> {
  const got = await chrome.storage.local.get('queue');
  return Array.isArray(got.queue) ? (got.queue as SaveRequest[]) : [];
}

async function badge(tabId?: number): Promise<void> {
  const waiting = (await queue()).length;
  const page = tabId === undefined ? undefined : pages.get(tabId);
  if (waiting > 0) {
    await chrome.action.setBadgeText({ text: String(waiting), ...(tabId !== undefined ? { tabId } : {}) });
    await chrome.action.setBadgeBackgroundColor({ color: '#b45309' });
    await chrome.action.setTitle({ title: `${waiting} save${waiting === 1 ? '' : 's'} waiting for Folio` });
  } else if (page?.existing) {
    await chrome.action.setBadgeText({ text: '✓', tabId: tabId! });
    await chrome.action.setBadgeBackgroundColor({ color: '#15803d', tabId: tabId! });
    await chrome.action.setTitle({ title: 'Already in your Folio library', tabId: tabId! });
  } else if (page?.meta.isPaper) {
    await chrome.action.setBadgeText({ text: '+', tabId: tabId! });
    await chrome.action.setBadgeBackgroundColor({ color: '#1d4ed8', tabId: tabId! });
    await chrome.action.setTitle({ title: 'Save this paper to Folio', tabId: tabId! });
  } else if (tabId !== undefined) {
    await chrome.action.setBadgeText({ text: '', tabId });
  }
}

async function lookup(meta: PageMetadata): Promise<LookupResponse['match']> {
  if (!meta.paper.doi && !meta.paper.arxivId) return null;
  try {
    return (await call<LookupResponse>(CONNECTOR_PATHS.lookup, { doi: meta.paper.doi ?? null, arxivId: meta.paper.arxivId ?? null })).match;
  } catch {
    return null;
  }
}

async function remember(tabId: number, snapshot: PageSnapshot): Promise<void> {
  const meta = readPageMetadata(snapshot.html, snapshot.url);
  pages.set(tabId, { snapshot, meta, existing: meta.isPaper ? await lookup(meta) : null });
  await badge(tabId);
}

/** Delivers queued saves, oldest first, each once: Folio answers a repeated idempotency key from its record. */
async function flushQueue(): Promise<void> {
  for (const request of await queue()) {
    try {
      await call<SaveResponse>(CONNECTOR_PATHS.save, request);
    } catch (error) {
      if (error instanceof ConnectorError && (error.status === 0 || error.code === 'NOT_PAIRED')) return;
    }
    await chrome.storage.local.set({ queue: (await queue()).filter((q) => q.idempotencyKey !== request.idempotencyKey) });
  }
  await badge();
}

async function popupState(tabId: number): Promise<PopupState> {
  const got = await chrome.storage.local.get(['token', 'lastCollection', 'port']);
  const page = pages.get(tabId);
  let reachable = true;
  let collections: PopupState['collections'] = [];
  let paired = typeof got.token === 'string';
  if (paired) {
    try {
      collections = (await call<StatusResponse>(CONNECTOR_PATHS.status, {})).collections;
      if (page?.meta.isPaper) page.existing = await lookup(page.meta);
      await flushQueue();
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'NOT_PAIRED') paired = false;
      else reachable = false;
    }
  }
  const p = page?.meta.paper;
  return {
    page: page && p ? {
      url: page.snapshot.url, isPaper: page.meta.isPaper, title: p.title ?? '', sources: describeSources(page.meta.sources),
      authors: (p.authors ?? []).slice(0, 3).map(nameFamily).join(', ') + ((p.authors?.length ?? 0) > 3 ? ' et al.' : ''),
      pdfUrl: p.pdfUrl ?? null, doi: p.doi ?? null, arxivId: p.arxivId ?? null,
    } : null,
    paired, reachable, pairing: pairing ? { code: pairing.code } : null, collections,
    lastCollection: typeof got.lastCollection === 'string' ? got.lastCollection : null,
    existing: page?.existing ? { itemId: page.existing.itemId, title: page.existing.title, hasPdf: page.existing.hasPdf } : null,
    queued: (await queue()).length,
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
      return;
    }
  })();
  return { code: started.code };
}

async function pdfFor(tabId: number, url: string | null): Promise<SaveRequest['pdf']> {
  if (!url) return null;
  const got = await chrome.tabs.sendMessage<{ ok: boolean; dataBase64?: string }>(tabId, { kind: 'fetch-pdf', url }).catch(() => null);
  if (!got?.ok || !got.dataBase64) return null;
  const name = (new URL(url).pathname.split('/').pop() || 'paper').replace(/\.pdf$/i, '');
  return { fileName: `${name}.pdf`, dataBase64: got.dataBase64 };
}

async function save(tabId: number, collectionId: string | null, tags: string[]): Promise<SaveOutcome> {
  const page = pages.get(tabId);
  if (!page?.meta.isPaper) return { ok: false, queued: false, message: 'This page does not describe a paper' };
  await chrome.storage.local.set({ lastCollection: collectionId });
  const request: SaveRequest = {
    idempotencyKey: crypto.randomUUID(), pageUrl: page.snapshot.url, html: page.snapshot.html, collectionId, tags,
    pdf: page.existing?.hasPdf ? null : await pdfFor(tabId, page.meta.paper.pdfUrl ?? null),
  };
  try {
    const response = await call<SaveResponse>(CONNECTOR_PATHS.save, request);
    page.existing = { itemId: response.itemId, citationKey: response.citationKey, title: response.title, hasPdf: response.hasPdf };
    await badge(tabId);
    return { ok: true, response };
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 0) {
      await chrome.storage.local.set({ queue: [...(await queue()), request] });
      await badge(tabId);
      return { ok: false, queued: true, message: 'Folio is not running: the save waits and is delivered when Folio is back' };
    }
    return { ok: false, queued: false, message: (error as Error).message };
  }
}

async function attach(tabId: number, itemId: string): Promise<SaveOutcome> {
  const page = pages.get(tabId);
  const pdf = await pdfFor(tabId, page?.meta.paper.pdfUrl ?? null);
  if (!pdf) return { ok: false, queued: false, message: 'The page names no PDF that could be fetched' };
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
      case 'popup-state': {
        if (!pages.has(message.tabId)) {
          const snap = await chrome.tabs.sendMessage<PageSnapshot>(message.tabId, { kind: 'get-snapshot' }).catch(() => null);
          if (snap) await remember(message.tabId, snap);
        }
        return popupState(message.tabId);
      }
      case 'pair': return startPairing();
      case 'save': return save(message.tabId, message.collectionId, message.tags);
      case 'attach': return attach(message.tabId, message.itemId);
      case 'set-port': await chrome.storage.local.set({ port: message.port }); return null;
    }
  };
  run().then(reply, (error: unknown) => reply({ ok: false, queued: false, message: String(error) }));
  return true;
});

chrome.alarms.create('flush-queue', { periodInMinutes: 0.5 });
chrome.alarms.onAlarm.addListener(() => void flushQueue().catch(() => undefined));
