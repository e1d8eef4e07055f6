import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from '../helpers/app-session.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/e2e/foundation.bib', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-bib-'));
const library = join(work, 'library');
// FOLIO_SCREENSHOTS=DIR keeps a picture of each dialog, for looking at the design.
const SHOTS = process.env.FOLIO_SCREENSHOTS;
let app: AppSession;
let page: Page;

const rows = () => page.getByTestId('item-row');
const rowFor = (text: string) => rows().filter({ hasText: text });
// Evaluated as strings: the Node-side tsconfig has no DOM types.
const clipboardText = async () => String(await page.evaluate('navigator.clipboard.readText()'));
const clipboardHtml = async () => String(await page.evaluate(`(async () => {
  const [item] = await navigator.clipboard.read();
  return item && item.types.includes('text/html') ? (await item.getType('text/html')).text() : '';
})()`));

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(library);
  app = await openApp(library, { colorScheme: process.env.FOLIO_COLOR_SCHEME === 'dark' ? 'dark' : 'light', clipboard: true });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** Records the text of each toast as it appears, in window.__folioToastsSeen. */
const TOAST_RECORDER = `(() => {
  const seen = (window.__folioToastsSeen = []);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (!(node instanceof HTMLElement)) continue;
      for (const toast of node.matches('.toast') ? [node] : node.querySelectorAll('.toast')) seen.push(toast.textContent ?? '');
    }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

describe('Folio for LaTeX users, end to end in Chromium', () => {
  it('imports the fixture through the UI', async () => {
    await page.getByTestId('import-file-input').setInputFiles(FIXTURE);
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toContain('Imported 5');
    await page.getByTestId('import-report').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('copies a formatted IEEE bibliography of the selection as text and HTML', async () => {
    // Numeric styles number entries in table order: sort by title so that order is known.
    await page.getByTestId('sort-title').click();
    await expect.poll(async () => (await rows().allInnerTexts()).findIndex((t) => t.includes('Attention')) < (await rows().allInnerTexts()).findIndex((t) => t.includes('Toward'))).toBe(true);
    await rowFor('Attention Is All You Need').click();
    await rowFor('Toward Causal Representation Learning').click({ modifiers: ['Control'] });
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-mode-bibliography').click();
    await page.getByTestId('export-scope-initial').check();
    await page.getByTestId('bibliography-style').selectOption('ieee');
    await shot('export-bibliography');
    await page.getByTestId('bibliography-copy-html').click();
    await expect.poll(clipboardText).toMatch(/^\[1\] A\. Vaswani/);
    const text = await clipboardText();
    expect(text).toMatch(/\n\[2\] B\. Schölkopf/);
    const html = await clipboardHtml();
    expect(html).toContain('class="csl-entry"');
    expect(html).not.toContain('<script');
  });

  it('exports only the entries a .aux cites and lists the cited keys the library lacks', async () => {
    const aux = join(work, 'paper.aux');
    writeFileSync(aux, '\\relax\n\\citation{goodfellow2016deep}\n\\citation{vaswani2017attention,ghost2020missing}\n\\bibdata{refs}\n');
    await page.getByTestId('export-mode-cited').click();
    await page.getByTestId('cited-file-input').setInputFiles(aux);
    await expect.poll(() => page.getByTestId('cited-result').innerText()).toContain('2 cited entries from paper.aux');
    expect(await page.getByTestId('cited-missing').innerText()).toBe('ghost2020missing');
    await shot('export-cited');
    await page.getByTestId('cited-copy').click();
    await expect.poll(clipboardText).toContain('@book{goodfellow2016deep,');
    expect(await clipboardText()).not.toContain('schoelkopf2021causal');
    await page.keyboard.press('Escape');
  });

  it('sets the key pattern with a live example and the default cite command; the split button offers the others', async () => {
    await page.getByTestId('settings-button').click();
    const pattern = page.getByTestId('settings-key-pattern');
    await expect.poll(() => pattern.inputValue()).toBe('auth.lower+year+shorttitle');
    await pattern.fill('auth+year');
    await expect.poll(() => page.getByTestId('settings-key-example').innerText()).toContain('Vaswani2017');
    await pattern.fill('auth+yr');
    await expect.poll(() => page.getByTestId('settings-key-example').innerText()).toContain('unknown term "yr"');
    expect(await page.getByTestId('settings-save').isDisabled()).toBe(true);
    await pattern.fill('auth.lower+year+shorttitle');
    await page.getByTestId('settings-cite-command').selectOption('citep');
    await shot('settings');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-dialog').count()).toBe(0);

    await rowFor('Attention Is All You Need').click();
    await page.getByTestId('cite-button').click();
    await expect.poll(clipboardText).toBe('\\citep{vaswani2017attention}');
    await page.getByTestId('cite-menu-button').click();
    await page.getByTestId('cite-menu-textcite').click();
    await expect.poll(clipboardText).toBe('\\textcite{vaswani2017attention}');
  });

  it('regenerates a key after showing from -> to', async () => {
    await rowFor('Toward Causal Representation Learning').click({ button: 'right' });
    await page.getByTestId('row-menu-regenerate-keys').click();
    const preview = page.getByTestId('regenerate-preview').locator('tbody tr');
    await expect.poll(() => preview.count()).toBe(1);
    const [from, , to] = (await preview.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(from).toBe('schoelkopf2021causal');
    expect(to).toMatch(/^scholkopf2021\w+$/);
    await shot('regenerate-keys');
    await page.getByTestId('regenerate-apply').click();
    await expect.poll(() => page.getByTestId('item-table').innerText()).toContain(to as string);
    expect(await page.getByTestId('item-table').innerText()).not.toContain('schoelkopf2021causal');
  });

  it('keeps a .bib in sync and shows a failing target as an error, with a toast', async () => {
    const good = join(work, 'synced.bib');
    await page.getByTestId('settings-button').click();
    await page.getByTestId('settings-auto-export').click();
    await page.getByTestId('auto-export-path').fill(good);
    await page.getByTestId('auto-export-add').click();
    await expect.poll(() => page.getByTestId('auto-export-status').first().innerText()).toMatch(/bibtex · 5 entries · written/);
    // Marked shared: sync carries it to the other devices (it stays on this one either way).
    // A click, not check(): the box shows the saved state, which arrives once the change is committed.
    await page.getByTestId('auto-export-shared').first().click();
    await expect.poll(() => page.getByTestId('auto-export-shared').first().isChecked()).toBe(true);
    expect(readFileSync(good, 'utf8')).toContain('@inproceedings{vaswani2017attention,');

    // Every toast shown from here on, even one that has timed out by the time it is asked about (a busy machine).
    await page.evaluate(TOAST_RECORDER);
    const toastsSeen = async (text: string) => ((await page.evaluate('window.__folioToastsSeen')) as string[]).filter((t) => t.includes(text)).length;
    const bad = join(work, 'no-such-folder', 'refs.bib');
    await page.getByTestId('auto-export-path').fill(bad);
    await page.getByTestId('auto-export-add').click();
    const failed = page.getByTestId('auto-export-target').filter({ hasText: 'no-such-folder' });
    await expect.poll(() => failed.getAttribute('class')).toContain('failed');
    expect(await failed.innerText()).toMatch(/failed: .*ENOENT/);
    await expect.poll(() => toastsSeen('no-such-folder')).toBe(1);
    await shot('auto-export');
    await page.getByTestId('auto-export-dialog').getByRole('button', { name: 'Done' }).click();

    // An edit reaches the synced file without anyone asking.
    await rowFor('Attention Is All You Need').click();
    await page.getByTestId('field-title').fill('Attention Is Still All You Need');
    await page.getByTestId('field-title').press('Tab');
    await expect.poll(() => existsSync(good) && readFileSync(good, 'utf8').includes('Attention Is Still All You Need')).toBe(true);
    // The broken target was announced once, not again on this edit.
    expect(await toastsSeen('no-such-folder')).toBe(1);
    expect(app.browser.errors).toEqual([]);
  });
});
