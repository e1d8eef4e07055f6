import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from '../helpers/app-session.ts';

const BIB = `@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish},
  year = {2017},
  doi = {10.5555/3295222.3295349}
}
@inproceedings{vaswani2017copy,
  title = {Attention is all you need},
  author = {Vaswani, A.},
  year = {2017},
  booktitle = {NeurIPS},
  doi = {10.5555/3295222.3295349}
}
@book{goodfellow2016deep,
  title = {Deep Learning},
  author = {Goodfellow, Ian},
  year = {2016}
}
`;

const work = mkdtempSync(join(tmpdir(), 'folio-e2e-duplicates-'));
let app: AppSession;
let page: Page;

/** Calls the web host's API as the window does (to set up the library, not to check it). */
async function call(method: string, args: unknown[]): Promise<unknown> {
  const url = new URL(app.host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const response = await fetch(`${url.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-folio-token': token },
    body: JSON.stringify({ method, args }),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  app = await openApp(join(work, 'library'));
  page = app.page;
  await call('io.importText', [{ text: BIB, fileName: 'refs.bib', collectionId: null }]);
});

afterAll(async () => {
  await app?.close();
});

describe('the Duplicates view and its merge dialog (Chromium, web host)', () => {
  it('opens in place of the table, returns to it from the merge dialog, and merges', async () => {
    await expect.poll(() => page.getByTestId('view-count').innerText()).toBe('3');
    await page.getByTestId('duplicates-nav').click();
    await expect.poll(() => page.getByTestId('duplicates-count').innerText()).toBe('1');
    expect(await page.getByTestId('item-table').count()).toBe(0);

    // Escape closes the merge dialog, not the view behind it.
    await page.getByTestId('duplicate-compare').click();
    await expect.poll(() => page.getByTestId('merge-row').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('merge-dialog').count()).toBe(0);
    expect(await page.getByTestId('duplicates-view').count()).toBe(1);

    await page.getByTestId('duplicate-compare').click();
    await expect.poll(() => page.getByTestId('merge-row').count()).toBeGreaterThan(0);
    await page.getByTestId('merge-confirm').click();
    await expect.poll(() => page.getByTestId('merge-dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('duplicates-count').innerText()).toBe('0');

    // Choosing a library view leaves the Duplicates view.
    await page.getByTestId('all-items-view').click();
    await expect.poll(() => page.getByTestId('view-count').innerText()).toBe('2');
    expect(await page.getByTestId('duplicates-view').count()).toBe(0);
    expect(app.browser.errors).toEqual([]);
  });
});
