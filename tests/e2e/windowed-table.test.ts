import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openFolioService } from '../../electron/services/folio-service.ts';
import { openApp, type AppSession } from '../helpers/app-session.ts';

// A few thousand items: far more rows than the window may hold, so every check below goes through the service's view.
const COUNT = 3_000;
const library = mkdtempSync(join(tmpdir(), 'folio-e2e-window-'));
const SHOTS = process.env.FOLIO_SHOTS_DIR;
let app: AppSession;
let page: Page;

const pad = (i: number): string => String(i).padStart(4, '0');
// Every 27th paper is on zebras: 112 of them, a word no key, year or author contains.
const title = (i: number): string => `Paper ${pad(i)} on ${i % 27 === 0 ? 'zebras' : ['graphs', 'attention', 'kernels'][i % 3]}`;
const ZEBRAS = 112;
const year = (i: number): number => 1990 + (i % 30);
const rows = () => page.getByTestId('item-row');
const table = () => page.getByTestId('item-table');
const statusCount = () => page.getByTestId('status-count').innerText();

async function seed(): Promise<void> {
  const bib = Array.from({ length: COUNT }, (_, i) => `@article{p${pad(i)}, title={${title(i)}}, author={Writer${i % 7}, Ann}, journal={J}, year=${year(i)}}`).join('\n');
  const service = await openFolioService(library, 'test', { host: 'web' });
  await service.ready;
  await service.api.io.importText({ text: bib, fileName: 'many.bib' });
  await service.dispose();
}

/** The first row's text, scrolled into view (a row far above the scroll position is not in the page at all). */
async function firstRowText(): Promise<string> {
  await page.locator('.table-scroller').evaluate((el) => el.scrollTo(0, 0));
  return page.locator('[data-testid="item-row"][aria-rowindex="2"]').innerText({ timeout: 1_000 }).catch(() => '');
}

beforeAll(async () => {
  await seed();
  app = await openApp(library);
  page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await app?.close();
});

describe('the windowed table at a few thousand rows (Chromium, web host)', () => {
  it('paints only the rows on screen and reaches the last row by scrolling', async () => {
    await expect.poll(() => table().getAttribute('data-total')).toBe(String(COUNT));
    await page.getByTestId('sort-title').click();
    await expect.poll(firstRowText).toContain(title(0));
    expect(await rows().count()).toBeLessThan(100);
    expect(await statusCount()).toBe('3,000 items');
    await page.locator('.table-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => rows().filter({ hasText: title(COUNT - 1) }).count()).toBe(1);
    expect(await rows().count()).toBeLessThan(100);
    await expect.poll(() => page.getByTestId('placeholder-row').count()).toBe(0);
  });

  it('goes to the end with the keyboard and back to the top', async () => {
    await rows().filter({ hasText: title(COUNT - 1) }).click();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('[data-testid="item-row"][aria-selected="true"]').innerText()).toContain(title(0));
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('[data-testid="item-row"][aria-selected="true"]').innerText()).toContain(title(COUNT - 1));
  });

  it('filters in the service: the count and the rows are the filtered ones', async () => {
    // Scrolled to the end of 3,000 rows, a filter to 112 leaves the scroll position clamped: its rows must come without scrolling.
    await page.locator('.table-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator(`[data-testid="item-row"][aria-rowindex="${COUNT + 1}"]`).count()).toBe(1);
    await page.getByTestId('quick-filter').fill('ZÉBRAS');
    await expect.poll(() => table().getAttribute('data-total')).toBe(String(ZEBRAS));
    await expect.poll(() => rows().count()).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('placeholder-row').count()).toBe(0);
    await expect.poll(statusCount).toBe(`${ZEBRAS} of 3,000 items`);
    await expect.poll(firstRowText).toContain(title(0));
    await page.getByTestId('quick-filter').fill('zebras 2997');
    await expect.poll(() => table().getAttribute('data-total')).toBe('1');
    await page.getByTestId('quick-filter').fill('');
    await expect.poll(() => table().getAttribute('data-total')).toBe(String(COUNT));
  });

  it('sorts by year, newest first, then oldest first', async () => {
    await page.getByTestId('sort-year').click();
    await expect.poll(firstRowText).toContain('2019');
    await page.getByTestId('sort-year').click();
    await expect.poll(firstRowText).toContain('1990');
    await page.getByTestId('sort-title').click();
    await expect.poll(firstRowText).toContain(title(0));
  });

  it('selects a Shift range, in table order', async () => {
    await page.locator('.table-scroller').evaluate((el) => el.scrollTo(0, 0));
    await rows().filter({ hasText: title(3) }).click();
    await rows().filter({ hasText: title(8) }).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('status-selection').innerText()).toBe('6 selected');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.getByTestId('status-selection').innerText()).toBe('7 selected');
    expect(await page.getByTestId('multi-summary').innerText()).toContain(title(3));
  });

  it('selects all of a filtered view, trashes it, and the counts follow', async () => {
    await page.getByTestId('quick-filter').fill('zebras');
    await expect.poll(() => table().getAttribute('data-total')).toBe(String(ZEBRAS));
    await rows().first().click();
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.getByTestId('status-selection').innerText()).toBe(`${ZEBRAS} selected`);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'table-select-all.png') });
    }
    await page.keyboard.press('Delete');
    await expect.poll(() => table().getAttribute('data-total'), { timeout: 60_000 }).toBe('0');
    await page.getByTestId('quick-filter').fill('');
    await expect.poll(statusCount).toBe('2,888 items');
    await expect.poll(() => page.getByTestId('trash-view').innerText()).toContain(String(ZEBRAS));
    await page.getByTestId('trash-view').click();
    await expect.poll(() => table().getAttribute('data-total')).toBe(String(ZEBRAS));
  });
});
