import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightDraft } from '../helpers/annotation-drafts.ts';
import { openApp, type AppSession } from '../helpers/app-session.ts';
import { runFolio } from '../helpers/folio-cli.ts';
import { annotateInLibrary } from '../helpers/library-annotations.ts';
import { doiPaper } from '../helpers/pdf-fixtures.ts';
import { webHostClient } from '../helpers/web-host-client.ts';

const work = mkdtempSync(join(tmpdir(), 'folio-e2e-annotation-count-'));
const library = join(work, 'library');
const scheme = process.env.FOLIO_COLOR_SCHEME === 'dark' ? 'dark' : 'light';
// FOLIO_SCREENSHOTS=DIR keeps a picture of each state, for looking at the design.
const SHOTS = process.env.FOLIO_SCREENSHOTS;
let app: AppSession;
let key = '';

beforeAll(async () => {
  const pdf = join(work, 'he.pdf');
  writeFileSync(pdf, await doiPaper());
  writeFileSync(join(work, 'refs.bib'), '@article{lecun1998gradient, title={Gradient-Based Learning Applied to Document Recognition}, author={LeCun, Yann}, year=1998}');
  expect(runFolio(['import', pdf, join(work, 'refs.bib'), '--library', library]).status).toBe(0);
  key = (JSON.parse(runFolio(['list', '--library', library, '--json']).stdout) as Array<{ 'citation-key': string }>).find((i) => i['citation-key'] !== 'lecun1998gradient')!['citation-key'];
  await annotateInLibrary(library, key, (item) => [0, 1, 2].map((i) => highlightDraft(item.attachments[0]!.id, { pageIndex: i, comment: `comment ${i}` })));
  app = await openApp(library, { colorScheme: scheme });
});

afterAll(async () => {
  await app?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the annotation count in the table and the details pane', () => {
  it('shows the count on the row, a line in the details, and follows a new annotation', async () => {
    const { page } = app;
    const row = page.getByTestId('item-row').filter({ hasText: 'Deep Residual Learning' });
    await expect.poll(() => row.getByTestId('row-annotations').innerText()).toBe('3');
    expect(await row.getByTestId('row-annotations').getAttribute('title')).toBe('3 annotations');
    const other = page.getByTestId('item-row').filter({ hasText: 'Gradient-Based Learning' });
    expect(await other.getByTestId('row-annotations').count()).toBe(0);
    await row.click();
    await expect.poll(() => page.getByTestId('details-annotations').innerText()).toBe('3 annotations');

    const client = webHostClient(app.host);
    const [item] = (await client.api.library.listRows()).filter((r) => r.key === key);
    const full = await client.api.library.getItem(item!.id);
    await client.api.annotations.create(full.id, highlightDraft(full.attachments[0]!.id, { pageIndex: 3 }));
    await expect.poll(() => row.getByTestId('row-annotations').innerText()).toBe('4');
    await expect.poll(() => page.getByTestId('details-annotations').innerText()).toBe('4 annotations');
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `annotation-count-${scheme}.png`) });
    }
  });
});
