import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from '../helpers/app-session.ts';
import { figurePaper } from '../helpers/image-pdf.ts';

const work = mkdtempSync(join(tmpdir(), 'folio-e2e-dark-pages-'));
const library = join(work, 'library');
const TITLE = 'A Paper With One Red Figure';
const SHOTS = process.env.FOLIO_SCREENSHOTS;
let app: AppSession;
let page: Page;

// Run in the page (this project's Node types have no DOM, hence the shapes).
type Styled = { ownerDocument: { defaultView: { getComputedStyle(el: unknown): { display: string; filter: string } } } };
const DISPLAY = (el: unknown): string => (el as Styled).ownerDocument.defaultView.getComputedStyle(el).display;
const FILTER = (el: unknown): string => (el as Styled).ownerDocument.defaultView.getComputedStyle(el).filter;
const reader = () => page.locator('[data-testid="reader"].active');
const firstPage = () => reader().locator('.page[data-page-number="1"]');

beforeAll(async () => {
  mkdirSync(library);
  const pdf = join(work, 'figure.pdf');
  writeFileSync(pdf, await figurePaper(TITLE));
  app = await openApp(library, { colorScheme: 'dark' });
  page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('import-file-input').setInputFiles(pdf);
  await page.getByTestId('item-row').filter({ hasText: TITLE }).dblclick({ timeout: 60_000 });
  await reader().and(page.locator('[data-status="ready"]')).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
});

describe('dark pages in the reader', () => {
  it('inverts the page but keeps its figure in its own colours, and shows it as printed on request', async () => {
    await expect.poll(() => reader().evaluate((el) => el.classList.contains('dark-pages'))).toBe(true);
    const kept = firstPage().locator('.page-image-keep canvas');
    await expect.poll(() => kept.count()).toBe(1);
    // The copy holds the figure's own red, and it is shown over the inverted page.
    const centre = await kept.evaluate((el) => {
      const c = el as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null };
      return Array.from(c.getContext('2d')?.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data ?? []);
    });
    expect(centre[0]).toBeGreaterThan(180);
    expect(centre[1]).toBeLessThan(80);
    expect(centre[2]).toBeLessThan(80);
    expect(await firstPage().locator('.page-image-keep').evaluate(DISPLAY)).toBe('block');
    expect(await firstPage().locator('.canvasWrapper').evaluate(FILTER)).toContain('invert');
    // It sits where the figure is: 200 x 150 pt at 100 pt from the left, 242 pt from the top of a 792 pt page.
    const [box, pageBox] = await Promise.all([kept.boundingBox(), firstPage().locator('.canvasWrapper').boundingBox()]);
    if (!box || !pageBox) throw new Error('no boxes');
    const scale = pageBox.width / 612;
    expect(Math.abs(box.x - pageBox.x - 100 * scale)).toBeLessThan(3);
    expect(Math.abs(box.y - pageBox.y - 242 * scale)).toBeLessThan(3);
    expect(Math.abs(box.width - 200 * scale)).toBeLessThan(3);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'reader-dark-figure.png') });
    }
    await page.getByTestId('reader-dark-pages').click();
    await expect.poll(() => firstPage().locator('.page-image-keep').evaluate(DISPLAY)).toBe('none');
    expect(await firstPage().locator('.canvasWrapper').evaluate(FILTER)).toBe('none');
  });

  it('ran no page errors', () => {
    expect(app.browser.errors).toEqual([]);
  });
});
