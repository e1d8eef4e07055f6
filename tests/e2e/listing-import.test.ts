import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ItemRow } from '../../shared/model/item.ts';
import { openApp, type AppSession } from '../helpers/app-session.ts';
import { arxivPaper } from '../helpers/pdf-fixtures.ts';

const LISTING = readFileSync(fileURLToPath(new URL('../fixtures/listing/hf-papers-generalization.txt', import.meta.url)), 'utf8');
/** The first titles of the fixture, in the order the Hugging Face page shows them. */
const FIRST_TITLES = [
  'OPT-IML: Scaling Language Model Instruction Meta Learning through the Lens of Generalization',
  'The Generalization Gap in Offline Reinforcement Learning',
  'Quantifying Generalization Complexity for Large Language Models',
];
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-papers-'));
const library = join(work, 'library');
let app: AppSession;
let page: Page;

const viewCount = () => page.getByTestId('view-count').innerText();

/** All rows through the web host's API, as the window sees them (the table itself is virtualised). */
async function listRows(): Promise<ItemRow[]> {
  const url = new URL(app.host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${url.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-folio-token': token },
    body: JSON.stringify({ method: 'library.listRows', args: [] }),
  });
  const result = (await response.json()) as { ok: boolean; value: ItemRow[] };
  return result.value;
}

beforeAll(async () => {
  app = await openApp(library);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('adding papers the way researchers find them (Chromium, web host)', () => {
  it('previews a pasted Hugging Face listing, adds its 103 papers on confirm, and undoes the import', async () => {
    await page.getByTestId('item-table').click({ position: { x: 300, y: 200 } });
    // A paste with nothing focused, as Ctrl+V on the window does (this file's lib has no DOM types, hence the string).
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(LISTING)});
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.getByTestId('import-preview-summary').innerText()).toContain('103 items found');
    expect(await preview.innerText()).toContain('paper listing');
    const shown = await preview.getByTestId('import-preview-titles').locator('li').allInnerTexts();
    expect(shown.slice(0, 3)).toEqual(FIRST_TITLES);
    // Nothing is added before the confirmation.
    expect(await listRows()).toEqual([]);

    await page.getByTestId('import-preview-confirm').click();
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toContain('Imported 103, skipped 0');
    await expect.poll(viewCount).toBe('103');
    const rows = await listRows();
    expect(rows).toHaveLength(103);
    const titles = rows.map((r) => r.title);
    const fixtureTitleLines = LISTING.split('\n').map((l) => l.trim());
    for (const title of titles) expect(fixtureTitleLines).toContain(title);
    expect(titles.slice(0, 3)).toEqual(FIRST_TITLES);
    for (const row of rows) expect(row.key).toMatch(/^[a-z]/);

    await page.getByTestId('undo-import').click();
    await expect.poll(viewCount).toBe('0');
    expect((await listRows()).every((r) => r.trashed)).toBe(true);
  });

  it('imports a chosen PDF as a new item with its attachment, which opens from the details pane', async () => {
    const pdf = join(work, 'dpo.pdf');
    writeFileSync(pdf, await arxivPaper());
    await page.getByTestId('import-file-input').setInputFiles(pdf);
    const row = page.getByTestId('item-row').filter({ hasText: 'Direct Preference Optimization' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator('.ind-pdf').count()).toBe(1);
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Direct Preference Optimization: Your Language Model is Secretly a Reward Model');
    const attachment = page.getByTestId('attachment-open');
    await expect.poll(() => attachment.innerText()).toContain('rafailov2023direct.pdf');

    // The PDF itself opens in the reader; the button beside it is the browser's own viewer (the system viewer under Electron).
    const [viewer] = await Promise.all([app.browser.context.waitForEvent('page'), page.getByTestId('attachment-open-external').click()]);
    await expect.poll(() => viewer.url()).toMatch(/\/attachments\/it_[^/]+\/rafailov2023direct\.pdf\?token=/);
    const served = await fetch(viewer.url());
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toContain('inline');
    await viewer.close();
    expect(app.browser.errors).toEqual([]);
  });
});
