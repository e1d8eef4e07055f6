import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from '../helpers/chromium.ts';
import { hostAwayError } from '../helpers/app-session.ts';
import { startWebHostProcess, type RunningHost } from '../helpers/web-host-process.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/e2e/search.bib', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-sync-'));
const syncFolder = join(work, 'Sync', 'folio');
// FOLIO_SCREENSHOTS=DIR keeps a picture of each state, light and dark, for looking at the design.
const SHOTS = process.env.FOLIO_SCREENSHOTS;

/** One device: its own library folder, its own web host, its own window (a tab of the one browser). */
interface Device {
  name: string;
  library: string;
  host: RunningHost;
  page: Page;
}

let browser: Browser;
const errors: string[] = [];
let a: Device;
let b: Device;

async function openDevice(name: string): Promise<Device> {
  const library = join(work, name);
  mkdirSync(library);
  const host = await startWebHostProcess(library);
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => errors.push(`${name}: pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${name}: console: ${msg.text()}`);
  });
  await page.goto(host.url);
  await page.getByTestId('sidebar').waitFor();
  return { name, library, host, page };
}

/** The user quits Folio and starts it again on the same library: the window reloads from the new host. */
async function restart(device: Device): Promise<void> {
  expect(await device.host.stop()).toBe(0);
  device.host = await startWebHostProcess(device.library);
  await device.page.goto(device.host.url);
  await device.page.getByTestId('sidebar').waitFor();
}

const rowFor = (d: Device, text: string) => d.page.getByTestId('item-row').filter({ hasText: text });
const title = (d: Device) => d.page.getByTestId('field-title').inputValue();
const statusLine = (d: Device) => d.page.getByTestId('status-bar').getByTestId('status-sync').innerText();

/** Selects the row and waits until the item pane shows that item (not the one selected before). */
async function select(d: Device, text: string): Promise<void> {
  const row = rowFor(d, text).first();
  await row.click();
  const rowTitle = await row.locator('.cell.col-title').getAttribute('title');
  await expect.poll(() => title(d)).toBe(rowTitle);
}

async function setTitle(d: Device, text: string): Promise<void> {
  const field = d.page.getByTestId('field-title');
  await field.fill(text);
  // The title is a multi-line field: Ctrl+Enter (or leaving it) saves.
  await field.press('Control+Enter');
  await expect.poll(() => rowFor(d, text).count()).toBe(1);
}

async function openSyncSettings(d: Device): Promise<void> {
  await d.page.getByTestId('settings-button').click();
  await d.page.getByTestId('settings-tab-sync').click();
  await d.page.getByTestId('sync-settings').waitFor();
}

async function closeSettings(d: Device): Promise<void> {
  await d.page.getByTestId('settings-done').click();
  await d.page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
}

/** Settings › Sync › Turn on sync with the folder's path (the web host has no folder picker). */
async function joinSync(d: Device, deviceName: string): Promise<void> {
  await openSyncSettings(d);
  await d.page.getByTestId('sync-device-name').fill(deviceName);
  await d.page.getByTestId('sync-device-name-save').click();
  await expect.poll(() => d.page.getByTestId('sync-device-name-save').isDisabled()).toBe(true);
  await d.page.getByTestId('sync-folder-input').fill(syncFolder);
  await d.page.getByTestId('sync-join').click();
  await expect.poll(() => d.page.getByTestId('sync-folder').innerText()).toBe(syncFolder);
  await expect.poll(() => statusLine(d), { timeout: 60_000 }).toMatch(/^Synced /);
}

/** Sync now, from the window (the status bar's line opens Settings › Sync). */
async function syncNow(d: Device): Promise<void> {
  await d.page.getByTestId('status-bar').getByTestId('status-sync').click();
  const button = d.page.getByTestId('sync-now');
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
  await closeSettings(d);
}

/** The theme switch sits in the status bar, under any dialog: `open` shows the dialog again after each switch. */
async function shot(d: Device, name: string, open?: () => Promise<void>): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await d.page.getByTestId(`theme-${scheme}`).click();
    await expect.poll(() => d.page.evaluate('document.documentElement.dataset.theme')).toBe(scheme);
    if (open) await open();
    await d.page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
    if (open) await closeSettings(d);
  }
  await d.page.getByTestId('theme-system').click();
}

beforeAll(async () => {
  browser = await openBrowser({ colorScheme: 'light' });
  a = await openDevice('laptop-library');
  b = await openDevice('desktop-library');
});

afterAll(async () => {
  await browser?.close();
  await a?.host.stop();
  await b?.host.stop();
});

describe('sync, history and undo in the window, two libraries and one sync folder, in Chromium', () => {
  it('turns sync on from Settings › Sync on both devices; the second receives the first one\'s library', async () => {
    await a.page.getByTestId('import-file-input').setInputFiles(FIXTURE);
    await expect.poll(() => a.page.getByTestId('import-summary').innerText(), { timeout: 60_000 }).toContain('Imported 5');
    await a.page.getByTestId('import-report').getByRole('button', { name: 'Done' }).click();
    await joinSync(a, 'Laptop');
    await closeSettings(a);
    await joinSync(b, 'Desktop');
    await expect.poll(() => b.page.getByTestId('item-row').count(), { timeout: 60_000 }).toBe(5);
    await expect.poll(() => b.page.getByTestId('sync-device').count()).toBe(2);
    expect(await b.page.getByTestId('sync-device').filter({ hasText: 'this device' }).innerText()).toContain('Desktop');
    expect(await b.page.getByTestId('sync-device').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Laptop')]));
    await closeSettings(b);
    await expect.poll(() => statusLine(b)).toMatch(/^Synced (just now|\d+ s ago) · 2 devices$/);
  });

  it('shows an edit made on the laptop in the desktop\'s window, without a restart', async () => {
    await select(a, 'Attention Is All You Need');
    await setTitle(a, 'Attention Is All You Need (revised)');
    await syncNow(a);
    await syncNow(b);
    await expect.poll(() => rowFor(b, 'Attention Is All You Need (revised)').count(), { timeout: 60_000 }).toBe(1);
    await select(b, 'Attention Is All You Need (revised)');
    // The time in the status bar keeps counting without another exchange.
    await expect.poll(() => statusLine(b)).toMatch(/^Synced \d+ s ago · 2 devices$/);
    await shot(b, 'status-bar');
  });

  it('marks a real conflict in the item\'s history, and keeps the value the user chooses on both devices', async () => {
    // The desktop goes offline (sync off), both edit the same title, the desktop comes back.
    await openSyncSettings(b);
    await b.page.getByTestId('sync-turn-off').click();
    await b.page.getByTestId('confirm-ok').click();
    await expect.poll(() => b.page.getByTestId('sync-join').innerText()).toBe('Turn on sync');
    await closeSettings(b);
    await expect.poll(() => b.page.getByTestId('status-bar').getByTestId('status-sync').count()).toBe(0);

    await select(a, 'Goodfellow');
    await setTitle(a, 'Deep Learning (laptop edit)');
    await syncNow(a);
    await select(b, 'Goodfellow');
    await setTitle(b, 'Deep Learning (desktop edit)');

    await openSyncSettings(b);
    await b.page.getByTestId('sync-folder-input').fill(syncFolder);
    await b.page.getByTestId('sync-join').click();
    await expect.poll(() => b.page.getByTestId('sync-folder').innerText()).toBe(syncFolder);
    await closeSettings(b);
    await syncNow(b);
    await syncNow(a);
    // One value wins, the same on both devices.
    const winnerB = async () => (await rowFor(b, 'Deep Learning (').first().innerText()).includes('laptop edit') ? 'laptop' : 'desktop';
    const winnerA = async () => (await rowFor(a, 'Deep Learning (').first().innerText()).includes('laptop edit') ? 'laptop' : 'desktop';
    await expect.poll(async () => (await rowFor(a, 'Deep Learning (').count()) === 1 && (await winnerA()) === (await winnerB()), { timeout: 60_000 }).toBe(true);
    const winner = await winnerB();
    const loser = winner === 'laptop' ? 'desktop' : 'laptop';

    await select(b, 'Deep Learning (');
    await b.page.getByTestId('details-tab-history').click();
    const conflict = b.page.getByTestId('history-entry').filter({ has: b.page.getByTestId('conflict-other') });
    await expect.poll(() => conflict.count(), { timeout: 30_000 }).toBe(1);
    expect(await conflict.getByTestId('history-other').innerText()).toBe(`Deep Learning (${loser} edit)`);
    expect(await b.page.getByTestId('history-open-conflicts').innerText()).toContain('changed on two devices at once');
    await expect.poll(() => statusLine(b)).toContain('1 conflict');
    await shot(b, 'history-conflict');

    await conflict.getByTestId('conflict-other').click();
    await expect.poll(() => title(b)).toBe(`Deep Learning (${loser} edit)`);
    await expect.poll(() => b.page.getByTestId('history-conflict').first().innerText()).toContain('Conflict settled');
    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => rowFor(a, `Deep Learning (${loser} edit)`).count(), { timeout: 60_000 }).toBe(1);
    // Settings › Sync once both devices have exchanged their changes.
    await shot(b, 'sync-settings', () => openSyncSettings(b));
  });

  it('reverts a change from the item\'s history, and the other device follows', async () => {
    await select(b, 'Attention Is All You Need (revised)');
    await b.page.getByTestId('details-tab-history').click();
    const change = b.page.getByTestId('history-entry').filter({ has: b.page.getByTestId('history-new').getByText('Attention Is All You Need (revised)', { exact: true }) });
    await expect.poll(() => change.count(), { timeout: 30_000 }).toBe(1);
    expect(await change.getByTestId('history-device').innerText()).toBe('Laptop');
    expect(await change.getByTestId('history-old').innerText()).toBe('Attention Is All You Need');
    await change.getByTestId('history-revert').click();
    await expect.poll(() => title(b)).toBe('Attention Is All You Need');
    // The revert is itself a change, at the top of the history.
    await expect.poll(() => b.page.getByTestId('history-entry').first().getByTestId('history-new').innerText()).toBe('Attention Is All You Need');
    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => rowFor(a, 'Attention Is All You Need (revised)').count(), { timeout: 60_000 }).toBe(0);
    await b.page.getByTestId('details-tab-info').click();
  });

  it('carries an edit to the other window by itself, with no Sync now (continuous sync)', async () => {
    await select(a, 'Flat Minima and the Generalization Gap');
    await setTitle(a, 'Flat Minima and the Generalization Gap (continuous)');
    await expect.poll(() => rowFor(b, 'Flat Minima and the Generalization Gap (continuous)').count(), { timeout: 90_000 }).toBe(1);
  });

  it('undoes the last change with Ctrl+Z after the host restarts, and redoes it with Ctrl+Shift+Z', async () => {
    await select(a, 'Toward Causal Representation Learning');
    await a.page.getByTestId('read-read').click();
    await expect.poll(() => a.page.getByTestId('read-read').getAttribute('aria-checked')).toBe('true');
    await restart(a);
    await select(a, 'Toward Causal Representation Learning');
    await expect.poll(() => a.page.getByTestId('read-read').getAttribute('aria-checked')).toBe('true');
    // Focus in the table, not in a text field: the keys undo the library's last change.
    await rowFor(a, 'Toward Causal Representation Learning').click();
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => a.page.getByTestId('read-unread').getAttribute('aria-checked')).toBe('true');
    await a.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => a.page.getByTestId('read-read').getAttribute('aria-checked')).toBe('true');
    // In a text field Ctrl+Z is the field's own undo: the library is left alone.
    const field = a.page.getByTestId('field-title');
    await field.click();
    await field.press('End');
    await field.pressSequentially(' x');
    await field.press('Control+z');
    await a.page.keyboard.press('Escape');
    await expect.poll(() => a.page.getByTestId('read-read').getAttribute('aria-checked')).toBe('true');
    // While a host restarts, its window's event stream is refused until it is back: that is all that may be logged.
    expect(errors.filter((e) => !hostAwayError(e))).toEqual([]);
  });
});
