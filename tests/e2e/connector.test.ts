import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONNECTOR_PATHS, CONNECTOR_TOKEN_HEADER } from '../../shared/api/connector-protocol.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import { openExtensionBrowser, type ExtensionBrowser } from '../helpers/extension-browser.ts';
import { arxivPaper, makePdf } from '../helpers/pdf-fixtures.ts';
import { freePort, startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { webHostClient } from '../helpers/web-host-client.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';
import { popupShot, windowShot } from '../helpers/connector-shots.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/connector/${name}`, import.meta.url)), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-connector-'));
const library = join(work, 'library');
let connectorPort = 0;
let host: RunningHost;
let site: StaticServer;
let evil: StaticServer;
let browser: ExtensionBrowser;
/** Folio's window (the web host in a tab of the same browser). */
let folio: Page;
let attentionPdf: Uint8Array;

const api = () => webHostClient(host).api;
const liveRows = async () => (await api().library.listRows()).filter((r) => !r.trashed);
const titled = async (title: string) => (await liveRows()).filter((r) => r.title === title);

async function openFolioWindow(): Promise<void> {
  await folio.goto(host.url);
  await folio.getByTestId('sidebar').waitFor();
}

async function startHost(): Promise<void> {
  host = await startWebHostProcess(library, {}, connectorPort);
  await host.waitForStderr(`connector listening on 127.0.0.1:${connectorPort}`);
}

/** Opens a tab on `url` and the extension's popup for it (as a tab: popup.html?tab=<id>), once the popup has drawn its state. */
async function openTab(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

async function openPopup(tab: Page, ready: string): Promise<Page> {
  const popup = await browser.context.newPage();
  const url = `${browser.origin}/popup.html?tab=${await browser.tabId(tab)}`;
  // The content script speaks once the page is idle: until then the popup finds no page, so it is asked again.
  await expect.poll(async () => {
    await popup.goto(url);
    await popup.locator('#app header').waitFor();
    return popup.locator(ready).isVisible();
  }).toBe(true);
  return popup;
}

beforeAll(async () => {
  mkdirSync(library);
  connectorPort = await freePort();
  attentionPdf = await makePdf([
    { text: 'Attention Is All You Need', size: 18, y: 700 },
    { text: 'Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit', size: 11, y: 670 },
    { text: 'arXiv:1706.03762v7 [cs.CL] 2 Aug 2023', size: 20, y: 200, rotate: true },
  ]);
  site = await startStaticServer({
    '/abs/1706.03762': { body: fixture('arxiv-attention.html'), type: 'text/html; charset=utf-8' },
    '/pdf/1706.03762': { body: attentionPdf, type: 'application/pdf' },
    '/abs/1512.03385': { body: fixture('arxiv-resnet.html'), type: 'text/html; charset=utf-8' },
    '/pdf/1512.03385': { body: await makePdf([{ text: 'Deep Residual Learning for Image Recognition', size: 18, y: 700 }]), type: 'application/pdf' },
    '/abs/1810.04805': { body: fixture('arxiv-bert.html'), type: 'text/html; charset=utf-8' },
    '/pdf/1810.04805': { body: await makePdf([{ text: 'BERT: Pre-training of Deep Bidirectional Transformers', size: 16, y: 700 }]), type: 'application/pdf' },
    '/files/dpo-preprint.pdf': { body: await arxivPaper(), type: 'application/pdf' },
  });
  evil = await startStaticServer({ '/attack.html': { body: fixture('attack.html').replaceAll('{connector}', String(connectorPort)), type: 'text/html; charset=utf-8' } });
  await startHost();
  await api().collections.create('Reading list', null);
  browser = await openExtensionBrowser();
  folio = await browser.context.newPage();
  await openFolioWindow();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await site?.close();
  await evil?.close();
});

describe('the browser extension in real Chromium, against the web host', () => {
  it('pairs: the popup and the window show the same code, and Allow in the window gives the extension its token', async () => {
    const paper = await openTab(`${site.origin}/abs/1706.03762`);
    // The port is set in the popup, as a user running Folio with --connector-port would.
    const popup = await openPopup(paper, 'details.connection summary');
    if (!(await popup.locator('#port').isVisible())) await popup.locator('details.connection summary').click();
    await popup.locator('#port').fill(String(connectorPort));
    await popup.locator('#set-port').click();
    await popup.locator('#pair').click();
    const code = popup.locator('#pair-code');
    await code.waitFor();
    const shown = (await code.innerText()).trim();
    expect(shown).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    await popupShot(browser.context, paper, popup, 'popup-pairing');

    const prompt = folio.getByTestId('pairing-prompt');
    await prompt.waitFor();
    expect(await prompt.getByTestId('pairing-code').innerText()).toBe(shown);
    await windowShot(folio, 'pairing-prompt');
    await prompt.getByTestId('pairing-allow').click();
    await prompt.waitFor({ state: 'detached' });

    // The popup follows the answer: now paired, it shows the paper.
    await popup.locator('#paper-title').waitFor();
    expect(await browser.stored('token')).toEqual(expect.any(String));
    const state = JSON.parse(readFileSync(join(library, 'connector.json'), 'utf8')) as { pairings: Array<{ origin: string }> };
    expect(state.pairings.map((p) => p.origin)).toEqual([browser.origin]);
    await popup.close();
    await paper.close();
  });

  it('saves an arXiv page with its PDF, fetched in the page: the item and its attachment are in Folio', async () => {
    const paper = await openTab(`${site.origin}/abs/1706.03762`);
    const popup = await openPopup(paper, '#save');
    expect(await popup.locator('#paper-title').innerText()).toBe('Attention Is All You Need');
    expect(await popup.locator('#paper-authors').innerText()).toBe('Ashish Vaswani, Noam Shazeer, Niki Parmar and 5 more');
    expect(await popup.locator('#save').innerText()).toBe('Save with PDF');
    expect(await browser.badgeText(await browser.tabId(paper))).toBe('+');
    const collection = (await api().collections.list()).find((c) => c.name === 'Reading list')!;
    await popup.locator('#collection').selectOption(collection.id);
    await popup.locator('#tags').fill('transformers, to-read');
    await popupShot(browser.context, paper, popup, 'popup-paper', '+');

    await popup.locator('#save').click();
    await expect.poll(() => popup.locator('#note').innerText()).toBe('Saved with its PDF.');
    expect(site.requests).toContain('GET /pdf/1706.03762');
    const [row] = await titled('Attention Is All You Need');
    expect(row).toBeDefined();
    const item = await api().library.getItem(row!.id as ItemId);
    expect(item.csl).toMatchObject({ archive_location: '1706.03762', issued: { 'date-parts': [[2017, 6, 12]] } });
    expect(item.csl.author).toHaveLength(8);
    expect(item.tags.toSorted()).toEqual(['to-read', 'transformers']);
    expect(item.collections).toEqual([collection.id]);
    expect(item.attachments).toHaveLength(1);
    expect(item.attachments[0]).toMatchObject({ mediaType: 'application/pdf', size: attentionPdf.length });

    // The window shows it at once (a change event), with its PDF.
    const shownRow = folio.getByTestId('item-row').filter({ hasText: 'Attention Is All You Need' });
    await expect.poll(() => shownRow.locator('.ind-pdf').count()).toBe(1);
    await shownRow.click();
    await expect.poll(() => folio.getByTestId('attachment-open').innerText()).toContain('.pdf');
    await windowShot(folio, 'saved-item');
    await popup.close();
    await paper.close();
  });

  it('the same page again shows "Already in library" and saves nothing new', async () => {
    const paper = await openTab(`${site.origin}/abs/1706.03762`);
    const popup = await openPopup(paper, '#existing');
    expect(await popup.locator('#existing').innerText()).toContain('Already in library');
    expect(await popup.locator('#save').count()).toBe(0);
    expect(await browser.badgeText(await browser.tabId(paper))).toBe('✓');
    await popupShot(browser.context, paper, popup, 'popup-already-in-library', '✓');
    expect(await titled('Attention Is All You Need')).toHaveLength(1);
    await popup.close();
    await paper.close();
  });

  it('a paper the library has without its PDF: the popup offers to attach it, and the PDF joins that item', async () => {
    const bert = 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding';
    const made = await api().library.createItem({ csl: { type: 'article', title: bert, DOI: '10.48550/arXiv.1810.04805', archive: 'arXiv', archive_location: '1810.04805' } });
    const paper = await openTab(`${site.origin}/abs/1810.04805`);
    const popup = await openPopup(paper, '#attach');
    expect(await popup.locator('#existing').innerText()).toContain('Already in library');
    await popup.locator('#attach').click();
    await expect.poll(() => popup.locator('#note').innerText()).toBe('PDF attached.');
    const item = await api().library.getItem(made.id);
    expect(item.attachments).toHaveLength(1);
    expect(await titled(bert)).toHaveLength(1);
    await popup.close();
    await paper.close();
  });

  it('a PDF opened in the browser is sent whole; the PDF import reads its arXiv id and title', async () => {
    const pdfTab = await openTab(`${site.origin}/files/dpo-preprint.pdf`);
    const popup = await openPopup(pdfTab, '#save');
    expect(await popup.locator('#save').innerText()).toBe('Save PDF to Folio');
    expect(await popup.locator('#paper-title').innerText()).toBe('dpo-preprint.pdf');
    await popupShot(browser.context, pdfTab, popup, 'popup-pdf', '+');
    await popup.locator('#save').click();
    await expect.poll(() => popup.locator('#note').innerText()).toBe('Saved with its PDF.');
    const [row] = await titled('Direct Preference Optimization: Your Language Model is Secretly a Reward Model');
    expect(row).toBeDefined();
    const item = await api().library.getItem(row!.id as ItemId);
    expect(item.csl.DOI).toBe('10.48550/arXiv.2305.18290');
    expect(item.attachments).toHaveLength(1);
    expect(await popup.locator('#existing').innerText()).toContain('Saved to your library');
    await popup.close();
    await pdfTab.close();
  });

  it('with Folio stopped, a save waits (counted on the badge) and is delivered once when Folio is back on the port', async () => {
    const paper = await openTab(`${site.origin}/abs/1512.03385`);
    const popup = await openPopup(paper, '#save');
    expect(await host.stop()).toBe(0);
    await popup.locator('#save').click();
    await expect.poll(() => popup.locator('#note').innerText()).toContain('Folio is not running');
    await expect.poll(() => popup.locator('#queued').innerText()).toContain('1 save waiting');
    expect(await browser.badgeText(await browser.tabId(paper))).toBe('1');
    const waiting = (await browser.stored('queue')) as Array<{ idempotencyKey: string }>;
    expect(waiting).toHaveLength(1);

    await startHost();
    // The popup watches while a save waits; delivered, the count goes and the page shows as in the library.
    await popup.locator('#queued').waitFor({ state: 'detached', timeout: 60_000 });
    await popup.locator('#existing').waitFor();
    const tab = await browser.tabId(paper);
    await expect.poll(() => browser.badgeText(tab)).toBe('✓');
    expect(await browser.stored('queue')).toEqual([]);
    const rows = await titled('Deep Residual Learning for Image Recognition');
    expect(rows).toHaveLength(1);
    // Asked again (another popup, the queue alarm), nothing is delivered twice.
    const again = await openPopup(paper, '#existing');
    expect(await titled('Deep Residual Learning for Image Recognition')).toHaveLength(1);
    const state = JSON.parse(readFileSync(join(library, 'connector.json'), 'utf8')) as { deliveries: Array<{ key: string }> };
    expect(state.deliveries.filter((d) => d.key === waiting[0]!.idempotencyKey)).toHaveLength(1);
    expect(await liveRows()).toHaveLength(4);
    await again.close();
    await popup.close();
    await paper.close();
    await openFolioWindow();
  }, 300_000);

  it('a page on another origin cannot post to the connector, by fetch (JSON or simple) or by a plain form; the library is unchanged', async () => {
    const before = (await api().library.listRows()).length;
    const attack = await browser.context.newPage();
    await attack.goto(`${evil.origin}/attack.html`);
    await expect.poll(() => attack.locator('#fetch-json').innerText()).toBe('blocked TypeError');
    // no-cors answers are opaque to the page; what the server did is seen below (nothing).
    await expect.poll(() => attack.locator('#fetch-simple').innerText()).toBe('answered opaque');
    await expect.poll(() => attack.locator('#fetch-pair').innerText()).toBe('answered opaque');
    const [formAnswer] = await Promise.all([
      attack.waitForResponse((r) => r.url().endsWith('/connector/save') && r.request().method() === 'POST' && r.request().postData()?.includes('attack-form') === true),
      attack.evaluate('document.getElementById("form").submit()'),
    ]);
    expect(formAnswer.status()).toBe(403);
    expect((await api().library.listRows()).length).toBe(before);
    expect(await api().connector.pendingPairing()).toBeNull();
    await attack.close();
  });

  it('a request with a wrong Host (DNS rebinding) is refused even with the real token, and a stale token is refused', async () => {
    const token = (await browser.stored('token')) as string;
    const post = (headers: Record<string, string>) => new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port: connectorPort, path: CONNECTOR_PATHS.status, method: 'POST',
        headers: { host: `127.0.0.1:${connectorPort}`, origin: browser.origin, 'content-type': 'application/json', [CONNECTOR_TOKEN_HEADER]: token, ...headers },
      }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(await post({})).toBe(200);
    expect(await post({ host: `folio.attacker.example:${connectorPort}` })).toBe(403);
    expect(await post({ [CONNECTOR_TOKEN_HEADER]: 'a-stale-token-from-an-earlier-pairing' })).toBe(403);
    expect(await post({ origin: `chrome-extension://${'b'.repeat(32)}` })).toBe(403);
    expect(browser.errors).toEqual([]);
  });
});
