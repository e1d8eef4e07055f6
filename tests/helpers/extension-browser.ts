import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

/** What the test runs inside the extension's service worker (evaluated there, where `chrome` exists). */
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

/** The unpacked extension as `npm run build` writes it. */
export const CONNECTOR_BUILD = fileURLToPath(new URL('../../out/connector/', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  /** `chrome-extension://<id>` */
  origin: string;
  /** The extension's service worker (the current one, should Chromium have restarted it). */
  worker(): Worker;
  /** The id Chromium gives the tab showing `page` (for popup.html?tab=). */
  tabId(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** What the extension keeps in chrome.storage.local under `key`. */
  stored(key: string): Promise<unknown>;
  /** Every page error and console error of the extension's pages, to assert that nothing failed unseen. */
  errors: string[];
  close(): Promise<void>;
}

/** Real Chromium with the built extension loaded unpacked, a fresh profile each time. Fails loudly without either. */
export async function openExtensionBrowser(): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install the Debian package "chromium" (.ci/run does)`);
  if (!existsSync(join(CONNECTOR_BUILD, 'manifest.json'))) throw new Error(`${CONNECTOR_BUILD} has no manifest.json: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), 'folio-chromium-ext-'));
  const ext = CONNECTOR_BUILD.replace(/\/$/, '');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Extensions load only in the new headless mode.
    args: ['--headless=new', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  // Node's URL gives non-special schemes the origin "null": the extension's origin is scheme and id.
  const origin = /^chrome-extension:\/\/[a-p]{32}/.exec(first.url())?.[0] ?? '';
  if (!origin) throw new Error(`not the extension's service worker: ${first.url()}`);
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && page.url().startsWith(origin)) errors.push(`${page.url()}: ${msg.text()}`);
    });
  });
  const worker = (): Worker => context.serviceWorkers().filter((w) => w.url().startsWith(origin)).at(-1) ?? first;
  return {
    context,
    origin,
    worker,
    errors,
    async tabId(page) {
      const url = page.url();
      const id = await worker().evaluate(async (wanted) => (await chrome.tabs.query({})).find((t) => t.url === wanted)?.id ?? -1, url);
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    stored: (key) => worker().evaluate(async (k) => (await chrome.storage.local.get(k))[k], key),
    badgeText: (tabId) => worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
