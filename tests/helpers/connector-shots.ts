import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** FOLIO_SCREENSHOTS=DIR keeps pictures of the connector's states, light and dark, at 1280x800. */
const SHOTS = process.env.FOLIO_SCREENSHOTS;
const SCHEMES = ['light', 'dark'] as const;

function target(name: string, scheme: string): string {
  mkdirSync(SHOTS!, { recursive: true });
  return join(SHOTS!, `${name}-${scheme}.png`);
}

/** Two animation frames: what a change of colour scheme repaints has been painted. */
const painted = (page: Page) => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

/** Folio's window as it is, light then dark. */
export async function windowShot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await painted(page);
    await page.screenshot({ path: target(name, scheme) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The popup as a user sees it: over the page it was opened on, under a drawn toolbar with the extension's badge.
 * Chromium draws a real popup outside any page, so the page and the popup are taken apart and put together here.
 */
export async function popupShot(context: BrowserContext, tab: Page, popup: Page, name: string, badge = ''): Promise<void> {
  if (!SHOTS) return;
  for (const scheme of SCHEMES) {
    const dark = scheme === 'dark';
    await tab.emulateMedia({ colorScheme: scheme });
    await popup.emulateMedia({ colorScheme: scheme });
    await painted(tab);
    await painted(popup);
    const back = (await tab.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 760 } })).toString('base64');
    const front = (await popup.locator('body').screenshot()).toString('base64');
    const bar = dark ? '#35363a' : '#dee1e6';
    const field = dark ? '#202124' : '#ffffff';
    const ink = dark ? '#e8eaed' : '#202124';
    const composer = await context.newPage();
    await composer.setViewportSize({ width: 1280, height: 800 });
    await composer.setContent(`<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;font:13px system-ui,sans-serif">
      <div style="height:40px;background:${bar};display:flex;align-items:center;gap:10px;padding:0 12px">
        <div style="flex:1;height:28px;border-radius:14px;background:${field};color:${ink};display:flex;align-items:center;padding:0 14px">${escape(tab.url())}</div>
        <div style="position:relative;width:28px;height:28px;border-radius:6px;background:${dark ? '#4a4b4f' : '#c8ccd2'};display:grid;place-items:center">
          <span style="width:18px;height:18px;border-radius:4px;background:#1f5fd6;color:#fff;font:700 11px/18px Georgia,serif;text-align:center">F</span>
          ${badge ? `<span style="position:absolute;right:-4px;bottom:-3px;min-width:14px;padding:0 3px;border-radius:7px;background:${badge === '✓' ? '#15803d' : badge === '+' ? '#1d4ed8' : '#b45309'};color:#fff;font:600 10px/14px system-ui;text-align:center">${escape(badge)}</span>` : ''}
        </div>
      </div>
      <img src="data:image/png;base64,${back}" style="display:block">
      <img src="data:image/png;base64,${front}" style="position:absolute;top:44px;right:10px;border-radius:8px;box-shadow:0 10px 30px rgba(0,0,0,${dark ? 0.6 : 0.28}),0 0 0 1px rgba(${dark ? '255,255,255,.12' : '0,0,0,.12'})">
    </body>`);
    await composer.screenshot({ path: target(name, scheme) });
    await composer.close();
  }
  await tab.emulateMedia({ colorScheme: 'light' });
  await popup.emulateMedia({ colorScheme: 'light' });
}
