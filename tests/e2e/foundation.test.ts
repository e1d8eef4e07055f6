import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostAwayError, openApp, type AppSession } from '../helpers/app-session.ts';
import { webHostClient } from '../helpers/web-host-client.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/e2e/foundation.bib', import.meta.url));
const library = mkdtempSync(join(tmpdir(), 'folio-e2e-'));
let app: AppSession;
let page: Page;

const rows = () => page.getByTestId('item-row');
const collection = (name: string) => page.getByTestId('collection-node').filter({ hasText: name });
const rowFor = (text: string) => rows().filter({ hasText: text });

async function createCollection(name: string): Promise<void> {
  await page.getByTestId('new-collection').click();
  const input = page.getByTestId('collection-rename-input');
  await input.fill(name);
  await input.press('Enter');
  await expect.poll(() => collection(name).count()).toBe(1);
}

beforeAll(async () => {
  app = await openApp(library);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('Folio end to end in Chromium, against the web host and a real library folder', () => {
  it('imports a BibTeX file with accents, braces and several entry types', async () => {
    await page.getByTestId('import-file-input').setInputFiles(FIXTURE);
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toContain('Imported 5, skipped 0');
    await page.getByTestId('import-report').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => rows().count()).toBe(5);
    await expect.poll(() => page.getByTestId('item-table').innerText()).toContain('Schölkopf');
    const table = await page.getByTestId('item-table').innerText();
    expect(table).toContain('Apprentissage de représentations pour la traduction à très grande échelle');
    expect(table).toContain('García-Martínez');
    expect(table).toContain('vaswani2017attention');
  });

  it('shows hostile metadata as text and runs nothing', async () => {
    const hostile = rowFor('<img src=x onerror=');
    await expect.poll(() => hostile.count()).toBe(1);
    await hostile.click();
    await page.getByTestId('details-pane').waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate('window.__folioPwned')).toBeUndefined();
    expect(app.browser.dialogs.filter((d) => d.startsWith('alert'))).toEqual([]);
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toContain('<img src=x onerror=');
  });

  it('creates a nested collection by drag and drags items into it', async () => {
    await createCollection('Machine Learning');
    await createCollection('Transformers');
    await collection('Transformers').dragTo(collection('Machine Learning'));
    await expect.poll(() => collection('Transformers').getAttribute('aria-level')).toBe('2');

    await page.getByTestId('all-items-view').click();
    await rowFor('Attention Is All You Need').click();
    await rowFor('Toward Causal Representation Learning').click({ modifiers: ['Control'] });
    await rowFor('Toward Causal Representation Learning').dragTo(collection('Transformers'));
    await collection('Transformers').click();
    await expect.poll(() => rows().count()).toBe(2);
  });

  it('writes a note with math that saves as you type and renders with KaTeX', async () => {
    await rowFor('Attention Is All You Need').click();
    await page.getByTestId('note-mode-edit').click();
    await page.getByTestId('note-editor').fill('Scaled dot-product: $\\mathrm{softmax}(QK^T/\\sqrt{d_k})V$\n\n$$\\sum_i \\alpha_i = 1$$');
    await expect.poll(() => page.getByTestId('note-status').innerText()).toContain('Saved');
    await page.getByTestId('note-mode-preview').click();
    await expect.poll(() => page.getByTestId('note-preview').locator('.katex').count()).toBeGreaterThanOrEqual(2);
  });

  it("exports the collection's BibTeX to a file", async () => {
    await collection('Transformers').click({ button: 'right' });
    await page.getByTestId('collection-menu-export').click();
    await page.getByTestId('export-format').selectOption('bibtex');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text).toContain('@inproceedings{vaswani2017attention,');
    expect(text).toContain('@article{schoelkopf2021causal,');
    expect(text).toContain('Sch{\\"o}lkopf, Bernhard');
    expect(text).not.toContain('goodfellow2016deep');
  });

  it('comes back exactly as it was after the host restarts', async () => {
    const errorsBefore = app.browser.errors.length;
    // The window saves its state a moment after a change; the host must hold it before it stops (under Electron the
    // window's close flushes it, but here the host goes first).
    const { api } = webHostClient(app.host);
    await expect.poll(async () => {
      const ui = await api.ui.getState();
      return [ui.noteMode, ui.view.startsWith('collection:'), ui.selectedItemIds.length];
    }).toEqual(['preview', true, 1]);
    expect(await app.host.stop()).toBe(0);
    // Closing wrote everything into library.json.
    expect(readFileSync(join(library, 'library.json'), 'utf8')).toContain('softmax');
    await app.restartHost();
    // While the host was down the old page's event stream retried and was refused, as often as the restart took
    // (a busy machine: several times). That is the host being away, not an error of the window: nothing else may appear.
    const whileDown = app.browser.errors.splice(errorsBefore);
    expect(whileDown.filter((e) => !hostAwayError(e))).toEqual([]);
    // The view (the Transformers collection), its nesting and the selection are restored.
    await expect.poll(() => collection('Transformers').getAttribute('aria-level')).toBe('2');
    await expect.poll(() => collection('Transformers').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => rows().count()).toBe(2);
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Attention Is All You Need');
    await page.getByTestId('note-mode-preview').waitFor();
    await expect.poll(() => page.getByTestId('note-preview').locator('.katex').count()).toBeGreaterThanOrEqual(2);
    expect(app.browser.errors).toEqual([]);
  });

  it('deletes to the trash, and from the trash for good after a confirmation', async () => {
    await page.getByTestId('all-items-view').click();
    await rowFor('Deep Learning').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => rowFor('Deep Learning').count()).toBe(0);
    await page.getByTestId('trash-view').click();
    await rowFor('Deep Learning').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByTestId('all-items-view').click();
    await expect.poll(() => rows().count()).toBe(4);
  });
});
