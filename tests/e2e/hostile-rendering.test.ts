import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from '../helpers/app-session.ts';
import { runFolio } from '../helpers/folio-cli.ts';

const TEN_MB = 10 * 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-hostile-'));
const library = join(work, 'library');
let app: AppSession;
let page: Page;

const rowFor = (text: string) => page.getByTestId('item-row').filter({ hasText: text });
const uiState = () => JSON.parse(readFileSync(join(library, 'ui-state.json'), 'utf8')) as { cleanStart?: boolean; selectedItemIds: string[] };

async function writeNote(text: string): Promise<void> {
  await page.getByTestId('note-mode-edit').click();
  await page.getByTestId('note-editor').fill(text);
  await expect.poll(() => page.getByTestId('note-status').innerText(), { timeout: 30_000 }).toContain('Saved');
}

beforeAll(async () => {
  const abstract = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(TEN_MB / 57)).slice(0, TEN_MB);
  const file = join(work, 'hostile.json');
  writeFileSync(file, JSON.stringify([
    { id: 'huge', type: 'article-journal', title: 'Huge abstract paper', abstract },
    { id: 'plain', type: 'article-journal', title: 'Plain paper', author: [{ family: 'Noether', given: 'Emmy' }] },
    { id: 'braces', type: 'article-journal', title: 'Deep braces paper' },
    { id: 'recursion', type: 'article-journal', title: 'Recursive macro paper' },
  ]));
  const imported = runFolio(['import', file, '--library', library]);
  expect(imported.status, imported.stderr).toBe(0);
  app = await openApp(library);
  page = app.page;
}, 300_000);

afterAll(async () => {
  await app?.close();
});

describe('hostile content cannot freeze or blank the window (Chromium, web host)', () => {
  it('shows a 10 MB abstract clipped with "Show all", and the page keeps answering', async () => {
    await rowFor('Huge abstract paper').click();
    const long = page.getByTestId('field-abstract-long');
    await long.waitFor({ timeout: 120_000 });
    expect(await long.innerText()).toContain('Shows the first 2,000 characters of 10,485,760 characters');
    // The page still takes clicks: another row's details replace these.
    await rowFor('Plain paper').click();
    await expect.poll(() => page.getByTestId('field-title').inputValue(), { timeout: 120_000 }).toBe('Plain paper');
    await rowFor('Huge abstract paper').click();
    await page.getByTestId('field-abstract-show-all').click({ timeout: 120_000 });
    await expect.poll(() => long.innerText(), { timeout: 120_000 }).toContain('Shows 100,000 characters of 10,485,760 characters');
    await page.getByTestId('field-abstract-show-all').click();
    await expect.poll(() => long.innerText(), { timeout: 120_000 }).toContain('Shows 200,000 characters of');
    await rowFor('Plain paper').click();
    await expect.poll(() => page.getByTestId('field-title').inputValue(), { timeout: 120_000 }).toBe('Plain paper');
  });

  it('previews a formula nested 10,000 braces deep as text with the reason, and reloads into it safely', async () => {
    await rowFor('Deep braces paper').click();
    await writeNote(`Before $${'{'.repeat(10_000)}x${'}'.repeat(10_000)}$ after`);
    await page.getByTestId('note-mode-preview').click();
    const mathError = page.getByTestId('note-preview').getByTestId('math-error');
    await expect.poll(() => mathError.innerText()).toContain('Formula not rendered: nested 10,000 levels deep');
    expect(await page.getByTestId('note-preview').innerText()).toContain('after');
    // The rest of the window works.
    await page.getByTestId('trash-view').click();
    await expect.poll(() => page.getByTestId('item-row').count()).toBe(0);
    await page.getByTestId('all-items-view').click();
    await rowFor('Deep braces paper').click();
    await expect.poll(() => mathError.count()).toBe(1);
    // A reload restores the selection and the preview, and they show again.
    await page.reload();
    await page.getByTestId('sidebar').waitFor();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Deep braces paper');
    await expect.poll(() => mathError.count()).toBe(1);
    await expect.poll(() => uiState().cleanStart).toBe(true);
    expect(app.browser.errors.filter((e) => e.includes('Maximum call stack'))).toEqual([]);
  });

  it('contains a note whose math crashes the renderer to the note pane, and the next start skips the selection', async () => {
    await rowFor('Recursive macro paper').click();
    // A self-doubling macro: KaTeX overflows the stack on it in under 30 characters.
    await writeNote('Intro line.\n\n$\\def\\a#1{\\a{#1#1}}\\a x$');
    await page.getByTestId('note-mode-preview').click();
    const boundary = page.getByTestId('note-error');
    await expect.poll(() => boundary.innerText()).toContain('The note could not be shown.');
    expect(await boundary.innerText()).toContain('Maximum call stack size exceeded');
    // The note's Edit switch stays at hand above the message.
    await page.getByTestId('note-mode-edit').click();
    await expect.poll(() => page.getByTestId('note-editor').inputValue()).toContain('\\def\\a');
    await page.getByTestId('note-mode-preview').click();
    await boundary.waitFor();
    // The details above it, the table and the sidebar keep working.
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Recursive macro paper');
    await page.getByTestId('trash-view').click();
    await expect.poll(() => page.getByTestId('item-row').count()).toBe(0);
    await page.getByTestId('all-items-view').click();
    await rowFor('Plain paper').click();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe('Plain paper');
    await rowFor('Recursive macro paper').click();
    await expect.poll(() => boundary.count()).toBe(1);
    // The crash is on record, so the reload does not walk back into it.
    await expect.poll(() => uiState().cleanStart).toBe(false);
    await page.reload();
    await page.getByTestId('sidebar').waitFor();
    await page.getByTestId('details-empty').waitFor();
    await expect.poll(() => page.getByTestId('toast').first().innerText()).toContain('note preview and open PDFs were not restored');
    await expect.poll(() => uiState().cleanStart).toBe(true);
    // Selected again by hand, the note opens in Edit, where its text can be fixed.
    await rowFor('Recursive macro paper').click();
    await expect.poll(() => page.getByTestId('note-editor').inputValue()).toContain('\\def\\a');
    expect(await boundary.count()).toBe(0);
  });
});
