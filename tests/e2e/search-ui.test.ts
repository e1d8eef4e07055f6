import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from '../helpers/app-session.ts';
import { latex, requireTool, writeIn } from '../tools/tex-tools.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/e2e/search.bib', import.meta.url));
const MORE = fileURLToPath(new URL('../fixtures/e2e/search-more.bib', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-search-'));
const library = join(work, 'library');
const scheme = process.env.FOLIO_COLOR_SCHEME === 'dark' ? 'dark' : 'light';
// FOLIO_SCREENSHOTS=DIR keeps a picture of each state, for looking at the design.
const SHOTS = process.env.FOLIO_SCREENSHOTS;
let app: AppSession;
let page: Page;

const rows = () => page.getByTestId('item-row');
const savedNode = (name: string) => page.getByTestId('saved-search-node').and(page.locator(`[data-name="${name}"]`));
const countOf = (name: string) => savedNode(name).getByTestId('saved-search-count').innerText();
const savedNames = () => page.getByTestId('saved-search-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));

async function shot(name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
}

async function importFile(path: string, expected: number): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(path);
  await expect.poll(() => page.getByTestId('import-summary').innerText(), { timeout: 60_000 }).toContain(`Imported ${expected}`);
  await page.getByTestId('import-report').getByRole('button', { name: 'Done' }).click();
}

beforeAll(async () => {
  mkdirSync(library);
  app = await openApp(library, { colorScheme: scheme });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('searching in the window, end to end in Chromium', () => {
  it('saves the query in the box as a search; the sidebar shows it with its count', async () => {
    await importFile(FIXTURE, 5);
    await expect.poll(() => rows().count()).toBe(5);
    await page.getByTestId('quick-filter').fill('year:2017');
    await page.getByTestId('save-search').click();
    const dialog = page.getByTestId('saved-search-dialog');
    expect(await dialog.getByTestId('saved-search-query').inputValue()).toBe('year:2017');
    expect(await dialog.getByTestId('saved-search-name').inputValue()).toBe('year:2017');
    await dialog.getByTestId('saved-search-name').fill('From 2017');
    await dialog.getByTestId('saved-search-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => countOf('From 2017')).toBe('2');
  });

  it('keeps the count live as the library changes', async () => {
    await page.getByTestId('quick-filter').fill('');
    await importFile(MORE, 1);
    await expect.poll(() => countOf('From 2017'), { timeout: 60_000 }).toBe('3');
  });

  it('still shows the saved search with its count after the host restarts', async () => {
    await app.restartHost();
    await expect.poll(() => countOf('From 2017'), { timeout: 60_000 }).toBe('3');
  });

  it('selects the saved-search view on click', async () => {
    await savedNode('From 2017').click();
    await expect.poll(() => savedNode('From 2017').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.locator('.toolbar-title h1').innerText()).toBe('From 2017');
  });

  it('renames, edits the query of and deletes a saved search', async () => {
    await savedNode('From 2017').click({ button: 'right' });
    await page.getByTestId('saved-menu-rename').click();
    await page.getByTestId('saved-search-rename-input').fill('Sharp and 2017');
    await page.getByTestId('saved-search-rename-input').press('Enter');
    await expect.poll(savedNames).toEqual(['Sharp and 2017']);
    // The view followed the rename.
    await expect.poll(() => savedNode('Sharp and 2017').getAttribute('aria-selected')).toBe('true');

    await savedNode('Sharp and 2017').click({ button: 'right' });
    await page.getByTestId('saved-menu-edit').click();
    const dialog = page.getByTestId('saved-search-dialog');
    await dialog.getByTestId('saved-search-query').fill('year:2017 sharp (');
    await dialog.getByTestId('saved-search-query-error').waitFor();
    expect(await dialog.getByTestId('saved-search-submit').isDisabled()).toBe(true);
    await dialog.getByTestId('saved-search-query').fill('year:2017 sharp');
    await dialog.getByTestId('saved-search-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => countOf('Sharp and 2017')).toBe('2');

    await page.getByTestId('quick-filter').fill('tag:nothing-yet');
    await page.getByTestId('save-search').click();
    await page.getByTestId('saved-search-name').fill('Second');
    await page.getByTestId('saved-search-submit').click();
    await expect.poll(savedNames).toEqual(['Sharp and 2017', 'Second']);
    await expect.poll(() => countOf('Second')).toBe('0');
    await page.getByTestId('quick-filter').fill('');
    await shot('sidebar-saved-searches');

    await savedNode('Second').click({ button: 'right' });
    await page.getByTestId('saved-menu-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(savedNames).toEqual(['Sharp and 2017']);
    await app.restartHost();
    await expect.poll(savedNames, { timeout: 60_000 }).toEqual(['Sharp and 2017']);
    await expect.poll(() => countOf('Sharp and 2017'), { timeout: 60_000 }).toBe('2');
  });

  it('lists related items in the details pane, says why, and selects one on click', async () => {
    await page.getByTestId('all-items-view').click();
    await rows().filter({ hasText: 'On Large-Batch Training' }).click();
    const panel = page.getByTestId('related-panel');
    const flat = panel.getByTestId('related-item').filter({ hasText: 'Flat Minima and the Generalization Gap' });
    await flat.waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('related-item').first().getAttribute('data-key')).toBe('keskar2018flat');
    expect(await flat.getByTestId('related-why').innerText()).toMatch(/same first author/);
    expect(await panel.getByTestId('related-item').count()).toBeLessThanOrEqual(10);
    await panel.scrollIntoViewIfNeeded();
    await shot('related-panel');
    await flat.click();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Flat Minima and the Generalization Gap of Large Batches');
  });

  it('opens the cheat sheet from the ? at the search box', async () => {
    await page.getByTestId('search-help-button').click();
    const help = page.getByTestId('search-help');
    await help.waitFor();
    const text = await help.innerText();
    for (const part of ['author:keskar', 'year:2017..2020', 'is:unread', 'has:pdf', 'fulltext:', 'OR', 'related:']) expect(text).toContain(part);
    await shot('cheat-sheet');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('shows a malformed query\'s error inline under the box, with its position', async () => {
    await page.getByTestId('quick-filter').fill('year:(');
    const error = page.getByTestId('query-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.innerText()).toMatch(/"year:" needs a value\.\s*at 1/);
    // The marker sits under the field that lacks its value.
    expect([await error.getAttribute('data-start'), await error.getAttribute('data-end')]).toEqual(['0', '5']);
    expect(await error.getByTestId('query-error-mark').innerText()).toBe('year:');
    await shot('query-error');
    await page.getByTestId('quick-filter').fill('year:2017');
    await error.waitFor({ state: 'detached' });
  });

  it('ranks the results best first, marks the matched words, and shows a full-text hit\'s page under its row', async () => {
    requireTool('pdflatex');
    const tex = join(work, 'tex');
    mkdirSync(tex);
    // Text that exists only on page 4 of a PDF made here.
    const pages = ['Opening remarks on optimisation.', 'Second page about batch sizes.', 'Third page on learning rates.',
      'Only here: the loss landscape of quokkas is surprisingly flat near wide minima.'];
    writeIn(tex, 'landscapes.tex', `\\documentclass{article}\\begin{document}\\title{Landscapes}\\author{A. Author}\\maketitle\n${pages.join('\n\\newpage\n')}\n\\end{document}\n`);
    expect(latex(tex, 'pdflatex', 'landscapes').status).toBe(0);
    const long = join(work, 'long.bib');
    writeFileSync(long, `@article{longtitle2019, title={${'A Remarkably Long Title About Sharp Minima, Flat Minima and Everything Between '.repeat(3)}}, author={Quokka, Quentin and Wallaby, Wendy and Numbat, Nora and Bilby, Bert}, journal={Journal of Very Long Venue Names for Testing the Layout of the Table}, year=2019, abstract={Nothing about marsupials here.}}\n`);
    await page.getByTestId('quick-filter').fill('');
    // A PDF is added as a paper with its file (no import report).
    await page.getByTestId('import-file-input').setInputFiles(join(tex, 'landscapes.pdf'));
    await expect.poll(() => page.locator('.ind-pdf').count(), { timeout: 60_000 }).toBe(1);
    await importFile(long, 1);

    const box = page.getByTestId('quick-filter');
    const table = page.getByTestId('item-table');
    // A typo, and the words exist only in the PDF: the snippet says where, with the word marked.
    await box.fill('quokas landscape');
    const snippet = page.getByTestId('row-snippet').filter({ hasText: 'quokkas' });
    await snippet.waitFor({ timeout: 60_000 });
    expect(await snippet.getAttribute('data-page')).toBe('4');
    expect(await snippet.innerText()).toMatch(/^p\. 4: .*loss landscape of quokkas/);
    expect(await snippet.getByTestId('match-mark').allInnerTexts()).toEqual(['landscape', 'quokkas']);
    // The snippet opens the reader at its page; the library tab brings the results back.
    await snippet.click();
    await expect.poll(() => page.getByTestId('reader-tab').count()).toBe(1);
    await expect.poll(() => page.getByTestId('reader-page-input').inputValue(), { timeout: 60_000 }).toBe('4');
    await page.getByTestId('reader-tab-library').click();
    await page.getByTestId('reader-tab-close').click();
    await expect.poll(() => page.getByTestId('reader-tab').count()).toBe(0);

    // Ranked: both words in the title beats one in the title and one in the abstract.
    await box.fill('sharp minima');
    await expect.poll(() => table.getAttribute('data-shown-filter')).toBe('sharp minima');
    expect(await table.getAttribute('data-shown-sort')).toBe('relevance');
    const keys = () => rows().evaluateAll((els) => els.map((e) => e.querySelector('.col-key')?.textContent ?? ''));
    await expect.poll(async () => (await keys()).includes('keskar2018flat')).toBe(true);
    const order = await keys();
    expect(order.indexOf('keskar2018flat')).toBeGreaterThan(order.indexOf('keskar2017large'));
    expect(order.indexOf('keskar2018flat')).toBeGreaterThan(order.indexOf('dinh2017sharp'));
    const large = rows().filter({ hasText: 'On Large-Batch Training' });
    expect(await large.locator('.col-title').getByTestId('match-mark').allInnerTexts()).toEqual(['Sharp', 'Minima']);
    // An abstract hit says so under its row.
    const flat = rows().filter({ hasText: 'Flat Minima and the Generalization Gap' });
    expect(await flat.getByTestId('row-snippet').innerText()).toMatch(/^Abstract: .*sharp minima/);
    // A column header sorts the same results by that column; the toggle ranks them again.
    const ranked = await table.getAttribute('data-total');
    await page.getByTestId('sort-year').click();
    await expect.poll(() => table.getAttribute('data-shown-sort')).toBe('year');
    expect(await table.getAttribute('data-total')).toBe(ranked);
    await expect.poll(async () => (await keys())[0]).toBe('longtitle2019');
    await page.getByTestId('sort-relevance').click();
    await expect.poll(() => table.getAttribute('data-shown-sort')).toBe('relevance');
    // Accent- and case-blind marks in the authors cell.
    await box.fill('Schölkopf');
    await expect.poll(() => rows().first().locator('.col-authors').getByTestId('match-mark').allInnerTexts()).toEqual(['Schölkopf']);
    await box.fill('scholkopf');
    await expect.poll(() => rows().first().locator('.col-authors').getByTestId('match-mark').allInnerTexts()).toEqual(['Schölkopf']);

    await box.fill('minima quokkas');
    await page.getByTestId('row-snippet').first().waitFor();
    await page.mouse.move(0, 0);
    await shot('query-with-snippets');
    // Clearing the box returns to the sort the table had before the search.
    await box.fill('');
    await expect.poll(() => table.getAttribute('data-shown-sort')).toBe('addedAt');
    expect(await page.getByTestId('sort-relevance').count()).toBe(0);
  });

  it('saves a full-text query as a search, and after a restart shows it again with its count', async () => {
    await page.getByTestId('quick-filter').fill('fulltext:quokkas');
    await page.getByTestId('row-snippet').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('save-search').click();
    await page.getByTestId('saved-search-name').fill('Quokkas');
    await page.getByTestId('saved-search-submit').click();
    await expect.poll(() => countOf('Quokkas'), { timeout: 60_000 }).toBe('1');
    await page.getByTestId('quick-filter').fill('');
    await app.restartHost();
    await expect.poll(savedNames, { timeout: 60_000 }).toEqual(['Sharp and 2017', 'Quokkas']);
    await expect.poll(() => countOf('Quokkas'), { timeout: 60_000 }).toBe('1');
    await savedNode('Quokkas').click();
    await expect.poll(() => rows().count()).toBe(1);
    await shot('saved-searches');
  });
});
