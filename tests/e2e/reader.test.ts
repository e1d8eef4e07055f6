import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hostAwayError, openApp, type AppSession } from '../helpers/app-session.ts';
import { latexPaper, PAPER } from '../helpers/latex-paper.ts';
import { pdfjsAnnotations, pdfWithHighlight, qpdfAnnotations } from '../helpers/annotated-pdfs.ts';
import { webHostClient } from '../helpers/web-host-client.ts';
import { yellowUnderFirstBox } from '../helpers/page-pixels.ts';

const work = mkdtempSync(join(tmpdir(), 'folio-e2e-reader-'));
const library = join(work, 'library');
const scheme = process.env.FOLIO_COLOR_SCHEME === 'dark' ? 'dark' : 'light';
// FOLIO_SCREENSHOTS=DIR keeps a picture of each state, for looking at the design.
const SHOTS = process.env.FOLIO_SCREENSHOTS;
let app: AppSession;
let page: Page;

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
}

const reader = () => page.locator('[data-testid="reader"].active');
const pageDiv = (n: number) => reader().locator(`.page[data-page-number="${n}"]`);
/** The text-layer span holding some text on a page, once pdf.js has drawn it. */
const spanWith = (n: number, text: string): Locator => pageDiv(n).locator('.textLayer span', { hasText: text }).first();

async function openPaper(): Promise<void> {
  const row = page.getByTestId('item-row').filter({ hasText: PAPER.title });
  await row.dblclick();
  await reader().waitFor();
  await expect.poll(() => reader().getAttribute('data-status')).toBe('ready');
}

/** Where pdf.js puts a line of text on a page of a PDF file (PDF user space). */
async function textItem(file: string, pageNumber: number, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    const items = (await (await doc.getPage(pageNumber)).getTextContent()).items as Array<{ str?: string; transform: number[]; width: number; height: number }>;
    const item = items.find((i) => i.str?.includes(text));
    if (!item) throw new Error(`no "${text}" on page ${pageNumber}`);
    return { x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width, height: item.height };
  } finally {
    await task.destroy();
  }
}

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

beforeAll(async () => {
  mkdirSync(library);
  const pdf = join(work, 'paper.pdf');
  writeFileSync(pdf, latexPaper());
  app = await openApp(library, { colorScheme: scheme });
  page = app.page;
  await page.getByTestId('import-file-input').setInputFiles(pdf);
  await page.getByTestId('item-row').filter({ hasText: PAPER.title }).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
});

describe('reading and annotating a PDF in the window, end to end in Chromium', () => {
  it('opens the PDF in a tab beside the library, with its pages drawn', async () => {
    await openPaper();
    await expect.poll(() => page.getByTestId('reader-tab').count()).toBe(1);
    await spanWith(1, 'Reference managers').waitFor();
    expect(await page.getByTestId('reader-page-count').innerText()).toContain('of 4');
    // The library is the first tab, and comes back as it was.
    await page.getByTestId('reader-tab-library').click();
    await expect.poll(() => page.getByTestId('item-row').first().isVisible()).toBe(true);
    // With the reader's code (and pdf.js's global stylesheet) loaded, the navigation still fills its pane and
    // ends at the splitter: pdf.js's own `.sidebar` rule once shrank it and put the splitter over its buttons.
    const nav = await page.getByTestId('sidebar').boundingBox();
    const pane = await page.locator('.pane-sidebar').boundingBox();
    expect(nav && pane && Math.abs(nav.width - pane.width) <= 1 && Math.abs(nav.x - pane.x) <= 1).toBe(true);
    await page.getByTestId('new-collection').click({ trial: true, timeout: 5_000 });
    await shot('library-after-reader');
    await page.getByTestId('reader-tab').locator('.reader-tab-main').click();
    await reader().waitFor();
  });

  it('finds a phrase on page 3 and shows the match count', async () => {
    await page.getByTestId('reader-scroll').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    const input = page.getByTestId('reader-find-input');
    await expect.poll(() => input.evaluate((el) => el.matches(':focus'))).toBe(true);
    await input.fill(PAPER.findPhrase);
    await expect.poll(() => page.getByTestId('reader-find-count').innerText()).toBe('1 of 1');
    await expect.poll(() => page.getByTestId('reader-page-input').inputValue()).toBe('3');
    await expect.poll(() => pageDiv(3).locator('.textLayer .highlight').count()).toBeGreaterThan(0);
    await page.getByTestId('reader-find-close').click();
  });

  it('highlights a selected sentence and keeps a comment with math', async () => {
    const span = spanWith(3, 'Highlighted sentences');
    await span.scrollIntoViewIfNeeded();
    const box = await span.boundingBox();
    if (!box) throw new Error('the sentence has no box');
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('selection-toolbar').waitFor();
    await page.getByTestId('highlight-yellow').click();
    const card = page.getByTestId('annotation-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain('sentences come back after a restart');
    await expect.poll(() => pageDiv(3).getByTestId('annotation-box').count()).toBe(1);

    const comment = page.getByTestId('annotation-comment');
    await comment.fill('Energy is kept: $E = mc^2$.');
    await comment.press('Control+Enter');
    await page.getByTestId('annotation-comment-preview').locator('.katex').first().waitFor();
    // The sidebar's card shows the comment rendered too, not its Markdown source.
    const shownComment = page.getByTestId('annotation-card-comment').first();
    await shownComment.locator('.katex').first().waitFor();
    expect(await shownComment.textContent()).not.toContain('$');
    await shot('reader-highlight');
  });

  it('brings the tab back in front after a restart, at the page it was left on, with the highlight over the same text', async () => {
    await app.restartHost();
    // While the host was down, the page's event stream and requests were refused: expected, not a page error.
    app.browser.errors.splice(0, app.browser.errors.length, ...app.browser.errors.filter((e) => !hostAwayError(e)));
    // The window reopened with the PDF's tab, in front, without a double-click.
    await reader().waitFor();
    await expect.poll(() => reader().getAttribute('data-status')).toBe('ready');
    expect(await page.getByTestId('reader-tab').count()).toBe(1);
    await expect.poll(() => page.getByTestId('reader-page-input').inputValue()).toBe('3');
    const highlight = pageDiv(3).getByTestId('annotation-box');
    await highlight.waitFor();
    const span = spanWith(3, 'Highlighted sentences');
    await span.waitFor();
    const [a, b] = await Promise.all([highlight.boundingBox(), span.boundingBox()]);
    if (!a || !b) throw new Error('no boxes to compare');
    expect(overlaps(a, b)).toBe(true);
    // Most of the highlight lies on the sentence's line.
    expect(Math.abs(a.y + a.height / 2 - (b.y + b.height / 2))).toBeLessThan(b.height);
    await page.getByTestId('annotation-card').click();
    await page.getByTestId('annotation-comment-preview').locator('.katex').first().waitFor();
  });

  it('undoes and redoes a delete inside the reader', async () => {
    await page.getByTestId('annotation-delete').click();
    await expect.poll(() => page.getByTestId('annotation-card').count()).toBe(0);
    await page.getByTestId('reader-scroll').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('annotation-card').count()).toBe(1);
    await expect.poll(() => pageDiv(3).getByTestId('annotation-box').count()).toBe(1);
    // The comment came back with it, rendered: KaTeX keeps the TeX source in its MathML annotation.
    await page.getByTestId('annotation-card').locator('.katex').first().waitFor();
    expect(await page.getByTestId('annotation-card').textContent()).toContain('E = mc^2');
  });

  it('adds the highlight to the note as a quote whose link opens the reader at it', async () => {
    await page.getByTestId('annotation-card').click();
    await page.getByTestId('annotation-add-to-note').click();
    await page.getByTestId('reader-tab-library').click();
    const editor = page.getByTestId('note-editor');
    await expect.poll(() => editor.inputValue()).toContain('sentences come back after a restart');
    expect(await editor.inputValue()).toContain('folio://open/');
    await page.getByTestId('note-mode-preview').click();
    await page.getByTestId('note-preview').locator('a[href^="folio://open/"]').first().click();
    await reader().waitFor();
    await expect.poll(() => page.getByTestId('reader-page-input').inputValue()).toBe('3');
    await page.getByTestId('reader-tab-library').click();
    await page.getByTestId('note-mode-edit').click();
    await page.getByTestId('reader-tab').locator('.reader-tab-main').click();
    await reader().waitFor();
  });

  it('exports the PDF with the highlight written in, as pdf.js and qpdf both read it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annotation-export-pdf').click()]);
    const file = join(work, 'annotated.pdf');
    await download.saveAs(file);
    const highlights = (await pdfjsAnnotations(file)).filter((a) => a.subtype === 'Highlight');
    expect(highlights).toHaveLength(1);
    const [h] = highlights;
    expect(h?.page).toBe(3);
    expect(h?.contents).toContain('E = mc^2');
    // The quad lies over the sentence as the original PDF places it.
    const line = await textItem(join(work, 'paper.pdf'), 3, 'Highlighted sentences');
    const xs = (h?.quadPoints ?? []).filter((_, i) => i % 2 === 0);
    const ys = (h?.quadPoints ?? []).filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys)).toBeLessThan(line.y + 1);
    expect(Math.max(...ys)).toBeGreaterThan(line.y + line.height / 2);
    expect(Math.min(...xs)).toBeLessThan(line.x + 5);
    expect(Math.max(...xs)).toBeGreaterThan(line.x + line.width - 5);
    const objects = qpdfAnnotations(file).filter((o) => o['/Subtype'] === '/Highlight');
    expect(objects).toHaveLength(1);
    expect(objects[0]?.['/QuadPoints']).toBeDefined();
    expect(JSON.stringify(objects[0]?.['/Contents'])).toContain('mc^2');
  });

  it('previews a citation on hover and offers to add the cited DOI', async () => {
    await page.getByTestId('reader-page-input').fill('1');
    await page.getByTestId('reader-page-input').press('Enter');
    const cite = pageDiv(1).locator('.annotationLayer a[href^="#cite"]').first();
    await cite.waitFor();
    await cite.hover();
    const popup = page.getByTestId('citation-popup');
    await popup.waitFor();
    await expect.poll(() => popup.getByTestId('citation-popup-text').innerText()).toContain('Knuth');
    expect(await popup.getByTestId('citation-add').getAttribute('title')).toContain(PAPER.referenceDoi);
    await shot('reader-citation-popup');
  });

  it('follows an internal link and comes Back with Alt+Left', async () => {
    await page.mouse.move(5, 300);
    const link = pageDiv(1).locator('.annotationLayer a[href*="section"]').first();
    await link.click();
    await expect.poll(() => page.getByTestId('reader-page-input').inputValue()).toBe('3');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByTestId('reader-page-input').inputValue()).toBe('1');
  });

  it('inverts pages in dark mode only, and turns that off on request', async () => {
    // The light theme shows pages as printed (tests/e2e/reader-dark-pages.test.ts runs the dark theme always).
    await expect.poll(() => reader().evaluate((el) => el.classList.contains('dark-pages'))).toBe(scheme === 'dark');
    if (scheme === 'light') return;
    await shot('reader-dark-pages');
    await page.getByTestId('reader-dark-pages').click();
    await expect.poll(() => reader().evaluate((el) => el.classList.contains('dark-pages'))).toBe(false);
    await page.getByTestId('reader-dark-pages').click();
  });

  it('highlights a selection across two pages as one annotation on each page', async () => {
    await pageDiv(1).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await pageDiv(1).locator('.textLayer span').first().waitFor();
    await pageDiv(2).locator('.textLayer span').first().waitFor();
    const before = await page.getByTestId('annotation-card').count();
    // From the last line of page 1 to the end of the first line of page 2, as a drag across the page gap selects.
    await page.evaluate(`(() => {
      const root = document.querySelector('[data-testid="reader"].active');
      const spans = (n) => [...root.querySelectorAll('.page[data-page-number="' + n + '"] .textLayer span')]
        .filter((s) => s.childNodes.length === 1 && (s.textContent || '').trim().length > 10);
      const from = spans(1).at(-1).firstChild;
      const to = spans(2)[0].firstChild;
      const range = document.createRange();
      range.setStart(from, 0);
      range.setEnd(to, to.textContent.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      const box = range.getClientRects()[0];
      to.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0, clientX: box.left + 2, clientY: box.top + 2 }));
    })()`);
    await page.getByTestId('selection-toolbar').waitFor();
    await page.getByTestId('highlight-green').click();
    await expect.poll(() => page.getByTestId('annotation-card').count()).toBe(before + 2);
    // Neither page had an annotation before (a box is drawn per line).
    await expect.poll(() => pageDiv(1).getByTestId('annotation-box').count()).toBeGreaterThan(0);
    await expect.poll(() => pageDiv(2).getByTestId('annotation-box').count()).toBeGreaterThan(0);
  });

  it('picks several annotations in the sidebar with Shift and Ctrl, and filters them by text', async () => {
    const cards = page.getByTestId('annotation-card');
    await expect.poll(() => cards.count()).toBe(3);
    const picked = () => page.getByTestId('annotation-actions').locator('.muted').innerText();
    await cards.nth(0).click();
    await expect.poll(picked).toBe('1 selected');
    await cards.nth(2).click({ modifiers: ['Shift'] });
    await expect.poll(picked).toBe('3 selected');
    await cards.nth(1).click({ modifiers: ['Control'] });
    await expect.poll(picked).toBe('2 selected');
    expect(await cards.nth(1).getAttribute('aria-selected')).toBe('false');
    expect(await cards.nth(2).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('annotations-filter').fill('mc^2');
    await expect.poll(() => page.getByTestId('annotations-count').innerText()).toBe('1 of 3');
    await expect.poll(() => cards.count()).toBe(1);
    await page.getByTestId('annotations-filter').fill('');
    await expect.poll(() => cards.count()).toBe(3);
  });

  it('brings back every open tab after a restart, and opens the one behind only when it is shown', async () => {
    const second = join(work, 'second.pdf');
    writeFileSync(second, await pdfWithHighlight());
    await page.getByTestId('reader-tab-library').click();
    await page.getByTestId('import-file-input').setInputFiles(second);
    const other = page.getByTestId('item-row').filter({ hasNotText: PAPER.title }).first();
    await other.waitFor({ timeout: 60_000 });
    await other.dblclick();
    await expect.poll(() => page.getByTestId('reader-tab').count()).toBe(2);
    const tabs = page.getByTestId('reader-tab');
    await tabs.first().locator('.reader-tab-main').click();
    const paperTab = await tabs.first().getAttribute('data-tab-id');
    const secondTab = await tabs.nth(1).getAttribute('data-tab-id');
    // The window saves its state a moment after a change: the host must have it before it stops.
    const client = webHostClient(app.host);
    await expect.poll(async () => {
      const ui = await client.api.ui.getState();
      return [ui.readerTabs?.map((t) => t.attachmentId), ui.activeReaderTab];
    }).toEqual([[paperTab, secondTab], paperTab]);

    await app.restartHost();
    app.browser.errors.splice(0, app.browser.errors.length, ...app.browser.errors.filter((e) => !hostAwayError(e)));
    await expect.poll(() => page.getByTestId('reader-tab').count()).toBe(2);
    expect(await tabs.first().getAttribute('data-tab-id')).toBe(paperTab);
    expect(await tabs.nth(1).getAttribute('data-tab-id')).toBe(secondTab);
    await expect.poll(() => reader().getAttribute('data-status')).toBe('ready');
    // Drawn at the place it was left (a page this test does not pin down).
    await reader().locator('.textLayer span').first().waitFor();
    // Only the tab in front has its PDF open; the other opens when it is first shown.
    expect(await page.getByTestId('reader').count()).toBe(1);
    await tabs.nth(1).locator('.reader-tab-main').click();
    await expect.poll(() => page.getByTestId('reader').count()).toBe(2);
    await expect.poll(() => reader().getAttribute('data-status')).toBe('ready');
    await spanWith(1, 'Attention is all you need').waitFor();
    // Its highlight came in from the file: Folio draws it, and pdf.js no longer draws the file's copy on the page.
    await pageDiv(1).getByTestId('annotation-box').waitFor();
    expect(await pageDiv(1).evaluate(yellowUnderFirstBox)).toBe(0);
    await shot('reader-tabs-restored');
  });

  it('ran no page errors', () => {
    expect(app.browser.errors).toEqual([]);
  });
});
